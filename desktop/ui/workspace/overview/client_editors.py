"""Which editor shows which field of the overview."""

from __future__ import annotations

from desktop.domain.catalogues import Housing, ResidenceStatus, Sex
from desktop.ui.workspace.overview.languages_editor import LanguagesEditor
from desktop.ui.workspace.overview.overview_fields import (
    ChoiceEditor,
    CountryEditor,
    DateEditor,
    Editor,
    FlagEditor,
    LanguageEditor,
    LinesEditor,
    PartialDateEditor,
    ScopesEditor,
    TextEditor,
)


def client_editors() -> dict[str, Editor]:
    """An editor for every field of the overview, by Client field name."""
    text = (
        "family_name",
        "given_names",
        "birth_place",
        "phone",
        "email",
        "street",
        "postcode",
        "city",
        "file_number",
    )
    dates = ("status_granted_on", "status_valid_until", "arrival_date", "consent_given_on",
             "consent_withdrawn_on", "opened_on", "closed_on")  # fmt: skip
    editors: dict[str, Editor] = {name: TextEditor() for name in text}
    editors.update({name: DateEditor() for name in dates})
    editors.update(
        other_names=LinesEditor(),
        sex=ChoiceEditor(Sex),
        birth_date=PartialDateEditor(),
        nationality=CountryEditor(),
        languages=LanguagesEditor(),
        interpreter_needed=FlagEditor(),
        interpreter_language=LanguageEditor(),
        residence_status=ChoiceEditor(ResidenceStatus),
        consent_scope=ScopesEditor(),
        housing=ChoiceEditor(Housing),
    )
    return editors
