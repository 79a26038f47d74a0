"""Guess the language of a text from how often it uses each language's stop words."""

import re

SAMPLE_CHARS = 5000
MIN_STOP_WORDS = 3
MIN_LEAD_RATIO = 1.5


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "fr": _words(
        """le la les des du et est une un que qui dans pour pas sur au aux avec ce cette il elle
        ils elles sont ont mais ou où son sa ses leur leurs nous vous été être fait plus par ne
        se l d qu c j selon après chez depuis très aussi"""
    ),
    "en": _words(
        """the and of to in is that for it with as was on be by this are from at or an has have
        he she they his her which will would not but their been were said its who after more
        than also into about"""
    ),
    "de": _words(
        """der die das und ist nicht ein eine zu den dem mit von sich des auf für im auch es sie
        er wird hat wurde bei nach aus wie oder aber dass werden sind noch nur einen einer
        über"""
    ),
    "es": _words(
        """el los las y que en del se por un una con para es lo como más pero sus le ha fue este
        esta son entre cuando muy sin sobre también hasta hay donde desde todo nos está
        al"""
    ),
    "it": _words(
        """il lo gli di che e è per una un non con del della dei delle al alla nel nella sono ha
        come anche più ma questo questa da si dal sul essere stato loro"""
    ),
    "pt": _words(
        """o os as e do da dos das em no na nos um uma que não para com por mais como mas foi ao
        ele ela seu sua são também já pelo pela está isso"""
    ),
    "nl": _words(
        """de het een en van is dat niet op te zijn met voor er maar om ook als bij nog wordt
        door naar heeft hij zij werd dan deze worden kan wel over uit"""
    ),
}

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str | None:
    """'fr', 'en' or another ISO 639-1 guess; None when the text is too short or unclear."""
    scores = _stop_word_counts(text[:SAMPLE_CHARS])
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_count), (_, runner_up_count) = ranked[0], ranked[1]
    if best_count < MIN_STOP_WORDS or best_count < MIN_LEAD_RATIO * runner_up_count:
        return None
    return best


def _stop_word_counts(sample: str) -> dict[str, int]:
    counts = dict.fromkeys(STOP_WORDS, 0)
    for word in _WORD.findall(sample.lower()):
        for lang, stop_words in STOP_WORDS.items():
            if word in stop_words:
                counts[lang] += 1
    return counts
