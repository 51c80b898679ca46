from inspector_app.documents.line_breaking import breaks


def _lines(text: str, per_line: int) -> list[str]:
    return [text[s:e] for s, e, _ in breaks(text, [1.0] * len(text), [float(per_line)])]


def test_closing_punctuation_never_starts_a_line() -> None:
    assert _lines("甲乙丙丁，戊己", 4) == ["甲乙丙丁，", "戊己"]  # hung in the margin
    assert _lines("依据《条例》，责令", 6) == ["依据《条例》，", "责令"]  # two closers hang together
    assert _lines("甲乙丙。”丁", 3) == ["甲乙丙。”", "丁"]


def test_an_opening_mark_does_not_end_a_line() -> None:
    assert _lines("甲乙丙《条例》", 4) == ["甲乙丙", "《条例》"]
    assert _lines("甲乙（丙丁", 3) == ["甲乙", "（丙丁"]


def test_numbers_are_not_cut() -> None:
    assert _lines("电话：13812345678", 8) == ["电话：", "13812345", "678"]  # longer than a line: cut
    assert _lines("电话1381", 4) == ["电话", "1381"]
    assert _lines("一二三四五六", 3) == ["一二三", "四五六"]
