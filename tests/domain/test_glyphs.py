"""The printable-text rule: characters no face draws are named once each, with their code
points; spaces, line breaks, format characters and variation selectors need no face."""

from inspector_app.domain.glyphs import UNPRINTABLE, check_printable, is_invisible, unprintable

SONG = set("王张伟面馆便利店 ")  # a stand-in for what the body face draws


def covers(char: str) -> bool:
    return char in SONG


def test_each_missing_character_once_in_order() -> None:
    assert unprintable("𰻞𰻞面馆", covers) == ["𰻞"]
    assert unprintable("王𠮷䶮㵘便利店", covers) == ["𠮷", "䶮", "㵘"]
    assert unprintable("张伟", covers) == []


def test_invisible_characters_need_no_face() -> None:
    # line break, tab, ideographic space, zero-width joiner, BOM, VS1 and an ideographic VS
    text = "王\n\t\u3000\u200d\ufeff张\ufe00伟\U000e0100"
    assert all(is_invisible(c) for c in "\n\t\u3000\u200d\ufeff\ufe00\U000e0100")
    assert unprintable(text, covers) == []
    assert not is_invisible("𰻞") and not is_invisible("A")


def test_the_problem_names_field_characters_and_code_points() -> None:
    problem = check_printable("𰻞𰻞面馆𠮷", "Party's name", covers)
    assert problem is not None and problem.message == UNPRINTABLE
    assert problem.params == {"label": "Party's name", "char": "𰻞、𠮷", "code": "U+30EDE、U+20BB7"}
    text = problem.render()
    assert text.startswith("Party's name: ") and "𰻞、𠮷 (U+30EDE、U+20BB7)" in text
    assert "registered" in text and "Settings" in text
    assert check_printable("张伟", "Party's name", covers) is None
