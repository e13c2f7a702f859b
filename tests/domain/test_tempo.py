"""Tempo notation: what a runner types after --tempo, and what the app writes back."""

from __future__ import annotations

import pytest

from hamjournal.domain.errors import InvalidInput
from hamjournal.domain.library.tempo import Tempo, format_tempo, parse_tempo


@pytest.mark.parametrize(
    ("text", "expected", "seconds"),
    [
        ("4-0-1-0", Tempo(4, 0, 1, 0), (4, 0, 1, 0)),
        ("3-1-X-0", Tempo(3, 1, None, 0), (3, 1, 1, 0)),
        ("3-1-x-0", Tempo(3, 1, None, 0), (3, 1, 1, 0)),
        (" 5 - 0 - X - 1 ", Tempo(5, 0, None, 1), (5, 0, 1, 1)),
        ("0-0-0-0", Tempo(0, 0, 0, 0), (0, 0, 0, 0)),
        ("20-20-20-20", Tempo(20, 20, 20, 20), (20, 20, 20, 20)),
        ("X-X-X-X", Tempo(None, None, None, None), (1, 1, 1, 1)),
        ("03-0-1-0", Tempo(3, 0, 1, 0), (3, 0, 1, 0)),
    ],
)
def test_parse_valid(text: str, expected: Tempo, seconds: tuple[int, int, int, int]) -> None:
    tempo = parse_tempo(text)
    assert tempo == expected
    assert tempo.seconds() == seconds


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("3-1", "not understood"),
        ("a-b-c-d", "not understood"),
        ("", "not understood"),
        ("   ", "not understood"),
        ("3-1-X-0-0", "not understood"),
        ("3--1-0", "not understood"),
        ("3-1-1.5-0", "not understood"),
        ("-3-1-1-0", "not understood"),
        ("3 1 X 0", "not understood"),
        ("99-0-1-0", "99 s in one phase is too long"),
        ("21-0-1-0", "21 s in one phase is too long"),
        ("100-0-1-0", "not understood"),
    ],
)
def test_parse_rejects_with_a_helpful_message(text: str, fragment: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_tempo(text)
    message = str(caught.value)
    assert fragment in message
    assert caught.value.field == "tempo"
    # Every message tells the runner what to write instead.
    assert "4-0-1-0" in message or "0 to 20" in message


@pytest.mark.parametrize(
    ("tempo", "text"),
    [
        (Tempo(4, 0, 1, 0), "4-0-1-0"),
        (Tempo(3, 1, None, 0), "3-1-X-0"),
        (Tempo(None, 0, None, 0), "X-0-X-0"),
        (Tempo(12, 3, 2, 1), "12-3-2-1"),
    ],
)
def test_format(tempo: Tempo, text: str) -> None:
    assert format_tempo(tempo) == text
    assert str(tempo) == text


@pytest.mark.parametrize("text", ["4-0-1-0", "3-1-X-0", "3-1-x-0", "10-2-X-2", " 2-0-2-0 ", "03-0-1-0"])
def test_round_trip_normalises(text: str) -> None:
    written = format_tempo(parse_tempo(text))
    assert parse_tempo(written) == parse_tempo(text)
    assert written == format_tempo(parse_tempo(written))
    assert written == written.strip().upper()
