"""Names in the Arabic script against their Latin spellings: sound skeletons aligned with the
Latin letters (desktop/domain/scripts.py)."""

from __future__ import annotations

import pytest

from desktop.domain.name_match import word_similarity
from desktop.domain.scripts import abjad_matches, coarse, skeleton
from desktop.domain.spellings import name_tokens

SAME = [
    ("محمد", "mohammed"), ("محمد", "muhammad"), ("محمد", "mohamad"), ("محمود", "mahmoud"),
    ("محمود", "mahmud"), ("حسين", "hussein"), ("حسين", "husayn"), ("حسين", "husain"),
    ("حسن", "hassan"), ("حسن", "hasan"), ("جاسم", "jassim"), ("جاسم", "jasem"), ("ولاء", "walaa"),
    ("وليد", "walid"), ("وليد", "waleed"), ("فاطمة", "fatima"), ("فاطمة", "fatimah"),
    ("يوسف", "yusuf"), ("یوسف", "youssef"), ("یوسف", "jusuf"), ("عبدالرحمن", "abdulrahman"),
    ("عبدالرحمن", "abdurrahman"), ("أحمد", "ahmed"), ("إبراهيم", "ibrahim"),
    ("محمدرضا", "mohammadreza"), ("رحیمی", "rahimi"), ("خالد", "khalid"), ("خالد", "chalid"),
    ("الجاسم", "aljasim"), ("الجاسم", "jasim"), ("مصطفى", "mustafa"), ("سعد", "saad"),
    ("ګل", "gul"), ("ئاراس", "aras"), ("هەڤاڵ", "heval"), ("زاده", "zadeh"), ("أمينة", "amina"),
]  # fmt: skip
DIFFERENT = [
    ("محمد", "mahmoud"), ("حسين", "hassan"), ("حسن", "hussein"), ("يونس", "yusuf"),
    ("ناصر", "nasrin"), ("كريمة", "karim"), ("أمين", "amina"), ("جمال", "jamila"),
]  # fmt: skip


@pytest.mark.parametrize(("arabic", "latin"), SAME)
def test_a_name_in_arabic_script_matches_its_latin_spellings(arabic: str, latin: str) -> None:
    assert abjad_matches(skeleton(arabic), latin)
    assert word_similarity(name_tokens(arabic)[0], name_tokens(latin)[0]) == 1.0


@pytest.mark.parametrize(("arabic", "latin"), DIFFERENT)
def test_different_names_stay_apart_across_scripts(arabic: str, latin: str) -> None:
    assert not abjad_matches(skeleton(arabic), latin)
    assert word_similarity(name_tokens(arabic)[0], name_tokens(latin)[0]) < 0.95


@pytest.mark.parametrize(
    ("arabic", "latin"), [("محمد", "mohammed"), ("خالد", "khalid"), ("وليد", "walid")]
)
def test_both_scripts_give_one_code_for_the_index(arabic: str, latin: str) -> None:
    assert coarse(skeleton(arabic)) == coarse(latin)


def test_other_scripts_are_written_in_latin_letters() -> None:
    assert word_similarity(name_tokens("ሙሉጌታ")[0], name_tokens("Mulugeta")[0]) >= 0.95
    assert word_similarity(name_tokens("Олександр")[0], name_tokens("Oleksandr")[0]) >= 0.95
    assert word_similarity(name_tokens("O?uz")[0], name_tokens("Oğuz")[0]) >= 0.95
    assert word_similarity(name_tokens("Karim")[0], name_tokens("Karima")[0]) < 0.95
    assert word_similarity(name_tokens("Ahmad")[0], name_tokens("Ahmadi")[0]) < 0.95


def test_somali_spellings_are_spellings() -> None:
    for somali, other in [("Maxamed", "Mahamed"), ("Cabdi", "Abdi"), ("Xasan", "Hassan"),
                          ("Cali", "Ali"), ("Axmed", "Ahmed"), ("Xuseen", "Hussein"),
                          ("Cumar", "Omar"), ("Cabdiraxmaan", "Abdirahman")]:  # fmt: skip
        assert word_similarity(name_tokens(somali)[0], name_tokens(other)[0]) >= 0.95
