from __future__ import annotations

import pytest

from civicdesk.understanding import TextAnalyser, normalise
from civicdesk.understanding.text import is_short, short_fragments, word_count


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＨＥＬＬＯ　World", "hello world"),  # full-width letters and space, casefold
        ("  many   spaces\n\there ", "many spaces here"),
        ("我想续领护照", "我想續領護照"),  # Simplified -> Hong Kong Traditional
        ("我想續領護照", "我想續領護照"),
        ("Ｐａｓｓｐｏｒｔ 续领", "passport 續領"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_simplified_and_traditional_share_features() -> None:
    analyser = TextAnalyser()
    assert analyser("垃圾好多天都没有人收") == analyser("垃圾好多天都沒有人收")


def test_features_mix_chinese_char_ngrams_words_and_english_ngrams() -> None:
    features = TextAnalyser()("renew 護照")
    assert "c:護" in features and "c:護照" in features  # Chinese character n-grams
    assert "w:renew" in features and "w:renew 護照" in features  # word n-grams across the mix
    assert "s: re" in features  # character n-grams inside English words


@pytest.mark.parametrize("text", ["", "   ", "🙂🙂", "\x00\x01", "a" * 5000, "\udcff bad"])
def test_odd_input_gives_a_list(text: str) -> None:
    assert isinstance(TextAnalyser()(text), list)


def test_analyser_round_trips_as_data() -> None:
    analyser = TextAnalyser(word_char_ngrams=None, word_ngrams=(1, 3))
    assert TextAnalyser.from_dict(analyser.to_dict()) == analyser


def test_word_count_counts_two_chinese_characters_as_a_word() -> None:
    assert [word_count(t) for t in ("tree", "renew my licence", "護照", "我想續領護照")] == [1, 3, 1, 3]
    assert is_short("renew my licence") and not is_short("how do I renew my passport")


def test_short_fragments_are_short_windows_of_longer_texts() -> None:
    texts = [
        "My neighbour built a structure on the rooftop without permission",
        "鄰居正在天台加建房間，懷疑係僭建",
        "tree",
    ]
    pieces = short_fragments(texts, seed=1)
    assert set(pieces) == {0, 1}  # "tree" is already short
    assert all(is_short(piece) for piece in pieces.values())
    assert pieces[1] in texts[1] and all(word in texts[0].casefold() for word in pieces[0].split())
    assert short_fragments(texts, seed=1) == pieces  # deterministic
