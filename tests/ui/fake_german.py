"""A stand-in for the compiled German catalogue, for tests that switch the language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QTranslator


def german_translator(texts: Mapping[str, str]) -> type[QTranslator]:
    """A QTranslator class whose `load` succeeds and which knows exactly `texts`."""

    class FakeGerman(QTranslator):
        def load(self, *_args: object, **_kwargs: object) -> bool:  # type: ignore[override]
            return True

        def isEmpty(self) -> bool:
            return False

        def translate(  # type: ignore[override]
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            return texts.get(source, "")

    return FakeGerman
