"""Date expressions in French and English news sentences, resolved to a date and a precision.

Each rule is one regular expression (compiled once, at import) paired with a small resolver that
turns a match into ``(value, precision, relative)``, or into None when the match is not a date after
all (30 February, "de 2029 dollars", a relative expression without a reference date).
``find_dates`` runs every rule of the language, keeps the longest non-overlapping matches and
returns them in textual order.

Conventions
- ``value`` is the first day of the period that ``precision`` names (day, month or year), as
  Wikidata does; "entre le 9 et le 11 février" is a month, "cette semaine" is the reference's month.
- The matched text includes the words that make it a date: "le 9 février", "en 2023",
  "depuis 2021", "début mars", "on Friday", "vendredi dernier".
- ``relative`` is True when the reference (publication) date was needed to resolve it.
- A bare weekday ("a annoncé vendredi", "said on Friday") follows the newswire convention: it names
  a day of the past week, the publication day included (see ``_BARE_WEEKDAY_MAY_BE_TODAY``).
- Rules are per language: ``lang="en"`` (or "en-US"...) uses the English rules, anything else the
  French ones; ISO and numeric dates are shared.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "Precision",
    "ResolvedDate",
    "find_dates",
    "find_publication_date",
    "is_present_marker",
    "month_number",
    "period_end",
]

Precision = Literal["day", "month", "year"]

# --------------------------------------------------------------------------------------------
# Data tables. A trailing "." marks an abbreviation (the dot is optional in the text).

_FR_MONTHS: tuple[tuple[str, ...], ...] = (
    ("janvier", "janv."),
    ("février", "fevrier", "févr.", "fevr.", "fév.", "fev."),
    ("mars",),
    ("avril", "avr."),
    ("mai",),
    ("juin",),
    ("juillet", "juil."),
    ("août", "aout"),
    ("septembre", "sept."),
    ("octobre", "oct."),
    ("novembre", "nov."),
    ("décembre", "decembre", "déc.", "dec."),
)
_EN_MONTHS: tuple[tuple[str, ...], ...] = (
    ("January", "Jan."),
    ("February", "Feb."),
    ("March", "Mar."),
    ("April", "Apr."),
    ("May",),
    ("June", "Jun."),
    ("July", "Jul."),
    ("August", "Aug."),
    ("September", "Sept.", "Sep."),
    ("October", "Oct."),
    ("November", "Nov."),
    ("December", "Dec."),
)
_FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Month and weekday names in full, lower-cased: words that never name a person or a company.
CALENDAR_WORDS = frozenset(
    name.lower()
    for names in (*_FR_MONTHS, *_EN_MONTHS, _FR_WEEKDAYS, _EN_WEEKDAYS)
    for name in names
    if not name.endswith(".")
)

_FR_NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
}  # fmt: skip
_EN_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
}  # fmt: skip

# Fixed phrases naming a day, as an offset in days from the reference date.
_FR_DAY_PHRASES = {
    "avant-hier": -2, "hier": -1, "hier matin": -1, "hier midi": -1, "hier après-midi": -1,
    "hier soir": -1, "aujourd'hui": 0, "ce jour": 0, "ce matin": 0, "ce midi": 0,
    "cet après-midi": 0, "ce soir": 0, "cette nuit": 0, "la veille": -1, "le lendemain": 1,
    "demain": 1, "après-demain": 2,
}  # fmt: skip
_EN_DAY_PHRASES = {
    "the day before yesterday": -2, "yesterday": -1, "yesterday morning": -1,
    "yesterday afternoon": -1, "yesterday evening": -1, "last night": -1, "today": 0,
    "earlier today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0,
    "the day before": -1, "the previous day": -1, "the day after": 1, "the next day": 1,
    "the following day": 1, "tomorrow": 1,
}  # fmt: skip

# Day phrases that count from a day the text gave just before ("a été congédiée le lendemain"),
# not from the publication date.
ANAPHORIC_DAY_PHRASES = {
    "la veille": -1, "le lendemain": 1, "the day before": -1, "the previous day": -1,
    "the day after": 1, "the next day": 1, "the following day": 1,
}  # fmt: skip

# Fixed phrases naming a period: (unit, offset). A week is reported with month precision.
_FR_PERIOD_PHRASES = {
    "cette semaine": ("week", 0), "plus tôt cette semaine": ("week", 0),
    "plus tôt dans la semaine": ("week", 0), "en début de semaine": ("week", 0),
    "ce week-end": ("week", 0), "la semaine dernière": ("week", -1),
    "la semaine passée": ("week", -1), "la semaine précédente": ("week", -1),
    "le week-end dernier": ("week", -1), "la semaine prochaine": ("week", 1),
    "en fin de semaine": ("week", 0), "en milieu de semaine": ("week", 0),
    "en fin de semaine dernière": ("week", -1), "la semaine d'avant": ("week", -1),
    "en fin de mois": ("month", 0), "à la fin du mois dernier": ("month", -1),
    "ce mois-ci": ("month", 0), "plus tôt ce mois-ci": ("month", 0),
    "plus tôt dans le mois": ("month", 0), "en début de mois": ("month", 0),
    "le mois dernier": ("month", -1), "le mois passé": ("month", -1),
    "le mois précédent": ("month", -1), "le mois prochain": ("month", 1),
    "cette année": ("year", 0), "plus tôt cette année": ("year", 0),
    "plus tôt dans l'année": ("year", 0), "en début d'année": ("year", 0),
    "depuis le début de l'année": ("year", 0), "l'an dernier": ("year", -1),
    "l'année dernière": ("year", -1), "l'an passé": ("year", -1), "l'année passée": ("year", -1),
    "l'année précédente": ("year", -1), "l'an prochain": ("year", 1),
    "l'année prochaine": ("year", 1),
}  # fmt: skip
_EN_PERIOD_PHRASES = {
    "this week": ("week", 0), "earlier this week": ("week", 0), "this weekend": ("week", 0),
    "last week": ("week", -1), "last weekend": ("week", -1), "the previous week": ("week", -1),
    "the week before": ("week", -1), "next week": ("week", 1),
    "late last week": ("week", -1), "earlier in the week": ("week", 0),
    "late last month": ("month", -1), "earlier in the month": ("month", 0),
    "this month": ("month", 0), "earlier this month": ("month", 0),
    "last month": ("month", -1), "the previous month": ("month", -1),
    "the month before": ("month", -1), "next month": ("month", 1),
    "this year": ("year", 0), "earlier this year": ("year", 0), "last year": ("year", -1),
    "the previous year": ("year", -1), "the year before": ("year", -1),
    "a year earlier": ("year", -1), "next year": ("year", 1),
}  # fmt: skip

# After a 4-digit number, these make it a quantity ("2029 dollars"), not a year.
_QUANTITY_WORDS = (
    "dollars?|euros?|livres?|yens?|yuans?|francs?|usd|eur|milliards?|millions?|milliers?|"
    "billions?|thousands?|bn|md|mds|k|personnes?|employés?|salariés?|chercheurs?|ingénieurs?|"
    "utilisateurs?|clients?|abonnés?|gpus?|puces?|processeurs?|paramètres?|tokens?|jetons?|"
    "mots?|pages?|km|mètres?|heures?|minutes?|secondes?|jours?|semaines?|mois|ans|années|fois|"
    "exemplaires|postes?|emplois?|licenciements?|actions?|voix|votes?|signataires?|points?|"
    "pour\\s*cent|people|employees?|staff(?:ers)?|researchers?|engineers?|users?|customers?|"
    "subscribers?|chips?|parameters?|words?|hours?|days?|weeks?|months?|years?|times|jobs?|"
    "shares?|signatures?|signatories|percent|per\\s*cent"
)
# Before "de 2000" or "from 2000", these make the number a quantity ("plus de 2000").
_QUANTITY_BEFORE = frozenset(
    {
        "plus", "moins", "pres", "environ", "autour", "total", "nombre", "dizaines", "centaines",
        "milliers", "millions", "hausse", "baisse", "montant", "somme", "budget", "up", "down",
        "rose", "fell", "grew", "jumped", "increased", "decreased", "over", "about", "around",
        "nearly", "almost", "than", "some",
    }
)  # fmt: skip

_AHEAD_DAYS = 7  # a day and month without a year may lie at most this far after the reference
_BARE_WEEKDAY_MAY_BE_TODAY = True  # "a annoncé vendredi" in a Friday article means that Friday

_Hit = tuple[datetime.date, Precision, bool]  # value, precision, relative
_Resolver = Callable[[re.Match[str], datetime.date | None], _Hit | None]


@dataclass(frozen=True)
class ResolvedDate:
    value: datetime.date  # first day of the period
    precision: Precision
    text: str  # the raw expression exactly as in the text
    start: int  # char offsets of the expression in the input text
    end: int
    relative: bool  # True when resolved against the reference date


# --------------------------------------------------------------------------------------------
# Normalisation and lookups


def _fold(s: str) -> str:
    """Lowercase, no accents, straight apostrophes, hyphens and spaces as single spaces."""
    decomposed = unicodedata.normalize("NFD", s.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("’", "'")
    return re.sub(r"[\s\-\u2010\u2011]+", " ", bare).strip(" .")


def _key(s: str) -> str:
    """Lookup key of a fixed phrase: folded, without spaces or hyphens ("week-end" = "weekend")."""
    return _fold(s).replace(" ", "")


def _index(table: Iterable[tuple[str, ...]]) -> dict[str, int]:
    return {_fold(name): i for i, names in enumerate(table, start=1) for name in names}


_MONTH_NUMBER = {**_index(_FR_MONTHS), **_index(_EN_MONTHS)}
_WEEKDAY_NUMBER = {_fold(n): i for days in (_FR_WEEKDAYS, _EN_WEEKDAYS) for i, n in enumerate(days)}
_NUMBER = {**_FR_NUMBERS, **_EN_NUMBERS}
_DAY_PHRASES = {_key(k): v for k, v in {**_FR_DAY_PHRASES, **_EN_DAY_PHRASES}.items()}
_PERIOD_PHRASES = {_key(k): v for k, v in {**_FR_PERIOD_PHRASES, **_EN_PERIOD_PHRASES}.items()}


def _month(s: str) -> int:
    return _MONTH_NUMBER[_fold(s)]


def month_number(name: str) -> int | None:
    """1-12 for a French or English month name or abbreviation ("mai", "févr.", "Sept"), any
    case or accents; None for any other word. The one table of month names, shared with the
    readers of dates given by sources."""
    return _MONTH_NUMBER.get(_fold(name))


def _day(s: str) -> int:
    folded = _fold(s)
    if folded in ("1er", "1re", "premier"):
        return 1
    return int(re.sub(r"\D", "", folded))


def _count(s: str) -> int:
    folded = _fold(s)
    return int(folded) if folded.isdigit() else _NUMBER[folded]


# --------------------------------------------------------------------------------------------
# Regex fragments

_APOS = "['’]"
_HYPHEN = "[-\u2010\u2011]"
_YEAR = r"(?<!\d)(?:19|20)\d\d(?!\d)"
_FR_DAY = r"(?:1er|1re|premier|3[01]|[12]\d|0?[1-9])(?![\d,.]\d)"
_EN_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,.]\d)"


def _alternation(words: Iterable[str], *, cased: bool = False) -> str:
    """Alternation of words, longest first, ending on a word boundary.

    A trailing "." marks an abbreviation whose dot is optional. cased=True matches only the
    Capitalized and UPPER forms (English month and day names: "may" is a verb, "May" a month).
    """
    forms: list[str] = []
    for word in words:
        stem = word.rstrip(".")
        dot = r"\.?" if word.endswith(".") else ""
        variants = {stem, stem.upper()} if cased else {stem}
        forms += [_phrase(v) + dot for v in variants]
    forms.sort(key=len, reverse=True)
    body = "|".join(forms)
    return (f"(?-i:{body})" if cased else f"(?:{body})") + r"(?!\w)"


def _phrase(words: str) -> str:
    """Regex for a fixed phrase: any whitespace between words, any apostrophe, hyphen or space."""
    out = []
    for ch in words:
        if ch == " ":
            out.append(r"\s+")
        elif ch in "'’":
            out.append(_APOS)
        elif ch == "-":
            out.append(rf"(?:{_HYPHEN}|\s+)?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _months(table: tuple[tuple[str, ...], ...], *, full_only: bool, cased: bool) -> str:
    names = [n for names in table for n in names if not (full_only and n.endswith("."))]
    return _alternation(names, cased=cased)


_FR_MONTH = _months(_FR_MONTHS, full_only=False, cased=False)
_FR_MONTH_FULL = _months(_FR_MONTHS, full_only=True, cased=False)
_EN_MONTH = _months(_EN_MONTHS, full_only=False, cased=True)
_EN_MONTH_FULL = _months(_EN_MONTHS, full_only=True, cased=True)
_FR_WEEKDAY = _alternation(_FR_WEEKDAYS)
_EN_WEEKDAY = _alternation(_EN_WEEKDAYS, cased=True)
_FR_NUMBER = rf"(?:\d{{1,3}}|{_alternation(_FR_NUMBERS)})"
_EN_NUMBER = rf"(?:\d{{1,3}}|{_alternation(_EN_NUMBERS)})"

# Words that introduce a day: "le 9 février", "depuis le 9 février", "ce vendredi 17 novembre".
_FR_DAY_LEAD = (
    rf"(?:(?:le|du|au|dès\s+le|depuis\s+le|jusqu{_APOS}au|avant\s+le|après\s+le|"
    rf"ce(?:\s+même)?)\s+)?(?:{_FR_WEEKDAY},?\s+)?"
)
_EN_DAY_LEAD = rf"(?:(?:on|since|by|until|from|before|after)\s+)?(?:{_EN_WEEKDAY},?\s+)?"
# Words that make a month name a date: "en février", "début mars", "à la mi-avril".
_FR_MONTH_LEAD = (
    rf"(?:(?:(?:dès|depuis|jusqu{_APOS}à|d{_APOS}ici)\s+)?(?:(?:au|à\s+la|la|le)\s+)?"
    rf"(?:mi(?:{_HYPHEN}|\s+)|(?:début|fin|milieu|courant)\s+"
    rf"(?:(?:du\s+)?mois\s+(?:de\s+|d{_APOS}))?)"
    rf"|(?:en|depuis|dès|jusqu{_APOS}en|d{_APOS}ici)\s+(?:(?:le\s+)?mois\s+(?:de\s+|d{_APOS}))?"
    rf"|(?:au|le|du|ce)\s+mois\s+(?:de\s+|d{_APOS}))"
)
_EN_MONTH_LEAD = (
    r"(?:(?:(?:in|since|by|until|till|from|during|through|throughout|before|after)\s+)?"
    r"(?:(?:early|late|mid)(?:-|\s+)|(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+)"
    r"|(?:in|since|by|until|till|from|during|throughout|before|after)\s+)"
)

# --------------------------------------------------------------------------------------------
# Resolvers: (match, reference) -> (value, precision, relative) or None


def _recent_day(month: int, day: int, ref: datetime.date) -> datetime.date | None:
    """The latest date with this month and day that is at most _AHEAD_DAYS after the reference."""
    limit = ref + datetime.timedelta(days=_AHEAD_DAYS)
    for year in range(ref.year + 1, ref.year - 5, -1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def _shift_day(month: int, day: int, ref: datetime.date, direction: str) -> datetime.date | None:
    """Day and month with "dernier" / "prochain": the closest one not after / not before ref."""
    forward = direction in ("prochain", "next")
    years = range(ref.year, ref.year + 5) if forward else range(ref.year, ref.year - 5, -1)
    for year in years:
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:
            continue
        if (candidate >= ref) if forward else (candidate <= ref):
            return candidate
    return None


def _full_date(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    value = datetime.date(int(m["year"]), _month(m["month"]), _day(m["day"]))
    return value, "day", False


def _day_month(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if ref is None:
        return None
    month, day = _month(m["month"]), _day(m["day"])
    datetime.date(2000, month, day)  # raises ValueError on "31 février"
    direction = _fold(m.groupdict().get("dir") or "")
    value = _shift_day(month, day, ref, direction) if direction else _recent_day(month, day, ref)
    return (value, "day", True) if value else None


def _day_range(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    month, first, last = _month(m["month"]), _day(m["d1"]), _day(m["d2"])
    if first >= last:
        return None
    if m["year"]:
        datetime.date(int(m["year"]), month, last)  # both days exist in that month
        return datetime.date(int(m["year"]), month, 1), "month", False
    if ref is None:
        return None
    datetime.date(2000, month, last)
    start = _recent_day(month, first, ref)
    return (start.replace(day=1), "month", True) if start else None


def _month_year(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    return datetime.date(int(m["year"]), _month(m["month"]), 1), "month", False


def _month_range(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    """ "entre janvier et mars 2025": several months of one year, reported as that year."""
    if _month(m["m1"]) >= _month(m["month"]):
        return None
    return datetime.date(int(m["year"]), 1, 1), "year", False


def _month_alone(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if ref is None:
        return None
    month = _month(m["month"])
    direction = _fold(m.groupdict().get("dir") or "")
    if direction in ("dernier", "passe", "last", "this past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif direction in ("prochain", "next"):
        year = ref.year if month > ref.month else ref.year + 1
    elif direction == "this":
        year = ref.year
    else:
        year = ref.year if month <= ref.month else ref.year - 1
    return datetime.date(year, month, 1), "month", True


def _year(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if _is_quantity(m):
        return None
    return datetime.date(int(m["year"]), 1, 1), "year", False


def _year_continued(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    """The second year of "de 2019 à 2023", "in 2021 and 2022": only right after a year."""
    if not _YEAR_JUST_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]):
        return None
    return _year(m, ref)


# The first month of each season: a season said without its year is reported as its year
_SEASON_START = {"printemps": 3, "spring": 3, "ete": 6, "summer": 6, "automne": 9, "fall": 9}
_SEASON_START |= {"autumn": 9, "hiver": 12, "winter": 12}


def _season_alone(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    """ "au printemps", "l'été dernier", "last fall", "this summer": the season's year, told
    from the reference date (the latest such season begun by then; "dernier" one that has
    ended; "prochain" the next one)."""
    if ref is None:
        return None
    groups = m.groupdict()
    start = _SEASON_START[_fold(groups.get("season") or groups["season2"])]
    direction = _fold(groups.get("dir") or groups.get("dir2") or groups.get("this") or "")
    begun = ref.year if ref.month >= start else ref.year - 1
    if direction in ("this", "cet", "ce"):  # "cet automne" said in June: the coming one
        year = ref.year
    elif direction in ("dernier", "passe", "last", "this past"):
        ended = (ref.year * 12 + ref.month) - (begun * 12 + start) >= 3
        year = begun if ended else begun - 1
    elif direction in ("prochain", "next"):
        year = begun + 1
    else:
        year = begun
    return datetime.date(year, 1, 1), "year", True


def _is_quantity(m: re.Match[str]) -> bool:
    """ "de 2029 dollars", "plus de 2000", "between 2000 and 3000 employees": counts, not years."""
    if _QUANTITY_AFTER.match(m.string, m.end()):
        return True
    if _fold(m.group().split()[0]) not in ("de", "entre", "from", "between"):
        return False
    words = re.findall(r"\w+", m.string[max(0, m.start() - 30) : m.start()])
    return bool(words) and _fold(words[-1]) in _QUANTITY_BEFORE


def _iso(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    return datetime.date(int(m["year"]), int(m["month"]), int(m["day"])), "day", False


def _numeric(day_first: bool) -> _Resolver:
    def resolve(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
        a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
        day, month = (a, b) if day_first or a > 12 else (b, a)
        return datetime.date(year, month, day), "day", False

    return resolve


def _day_phrase(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if ref is None or _is_narrative(m):
        return None
    offset = _DAY_PHRASES[_key(m["phrase"])]
    return ref + datetime.timedelta(days=offset), "day", True


def _period_phrase(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if ref is None or _is_narrative(m):
        return None
    unit, offset = _PERIOD_PHRASES[_key(m["phrase"])]
    if unit == "week":
        return (ref + datetime.timedelta(weeks=offset)).replace(day=1), "month", True
    if unit == "month":
        return _add_months(ref, offset), "month", True
    return datetime.date(ref.year + offset, 1, 1), "year", True


def _is_narrative(m: re.Match[str]) -> bool:
    """ "ce jour-là", "à ce jour" (so far), "la veille de l'élection": not the reference date."""
    after = m.string[m.end() : m.end() + 12]
    if re.match(rf"{_HYPHEN}l[àa](?!\w)", after):
        return True
    phrase = _fold(m["phrase"])
    if phrase.endswith(("veille", "lendemain", "before", "after")) and _COMPLEMENT.match(after):
        return True
    before = _fold(m.string[max(0, m.start() - 8) : m.start()])
    return phrase == "ce jour" and before.endswith("a")


def _add_months(ref: datetime.date, months: int) -> datetime.date:
    index = ref.year * 12 + ref.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _ago(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if ref is None:
        return None
    n, unit = _count(m["n"]), _fold(m["unit"])
    if unit.startswith(("jour", "day")):
        return ref - datetime.timedelta(days=n), "day", True
    if unit.startswith(("semaine", "week")):  # "il y a deux semaines": the month, not a day
        then = ref - datetime.timedelta(weeks=n)
        return datetime.date(then.year, then.month, 1), "month", True
    if unit.startswith(("mois", "month")):
        return _add_months(ref, -n), "month", True
    return datetime.date(ref.year - n, 1, 1), "year", True


def _weekday(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if ref is None or _is_narrative_weekday(m):
        return None
    target = _WEEKDAY_NUMBER[_fold(m["wd"])]
    direction = _fold(m.groupdict().get("dir") or "")
    back = (ref.weekday() - target) % 7
    if direction in ("prochain", "next"):
        return ref + datetime.timedelta(days=(target - ref.weekday()) % 7 or 7), "day", True
    strictly_before = direction in ("dernier", "passe", "precedent", "last", "this past", "past")
    if strictly_before or not _BARE_WEEKDAY_MAY_BE_TODAY:
        back = back or 7
    return ref - datetime.timedelta(days=back), "day", True


def _is_narrative_weekday(m: re.Match[str]) -> bool:
    return bool(re.match(rf"{_HYPHEN}l[àa](?!\w)", m.string[m.end() : m.end() + 4]))


def _weekday_fr(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if m["ce"] and not m["dir"]:
        return _weekday_this(m, ref)
    return _weekday(m, ref)


def _weekday_this(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if ref is None or _is_narrative_weekday(m):
        return None
    target = _WEEKDAY_NUMBER[_fold(m["wd"])]
    return ref - datetime.timedelta(days=(ref.weekday() - target) % 7), "day", True


def _weekday_en(m: re.Match[str], ref: datetime.date | None) -> _Hit | None:
    if _fold(m["dir"] or "") == "this":
        return _weekday_this(m, ref)
    return _weekday(m, ref)


# --------------------------------------------------------------------------------------------
# Rules


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    resolve: _Resolver


def _rule(pattern: str, resolve: _Resolver, *, bounded: bool = True) -> _Rule:
    """A rule; bounded: the match neither starts nor ends inside a word."""
    if bounded:
        pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
    return _Rule(re.compile(pattern, re.IGNORECASE), resolve)


def _phrases_pattern(phrases: Iterable[str]) -> str:
    return "(?P<phrase>" + "|".join(sorted(map(_phrase, phrases), key=len, reverse=True)) + ")"


_YEAR_JUST_BEFORE = re.compile(rf"(?:^|\W){_YEAR}\s*\Z")
_COMPLEMENT = re.compile(rf"\s+(?:de|du|des|of|the|his|her|its|their)\s|\s+d{_APOS}", re.I)
_QUANTITY_AFTER = re.compile(
    rf"(?:\s*(?:et|à|ou|and|to|or|{_HYPHEN}|–)\s*\d+(?:[\s\u00a0\u202f]\d{{3}})*)?"
    rf"(?:\s*(?:%|‰|€|\$|£|¥)|[.,]\d|[\s\u00a0\u202f]\d{{3}}(?!\d)|\s*(?:{_QUANTITY_WORDS})(?!\w))",
    re.IGNORECASE,
)

_SHARED_RULES = [
    _rule(
        rf"(?<![\w/.\-])(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
        r"(?=T\d|[^\w\-/]|$)",
        _iso,
        bounded=False,
    ),
]


def _numeric_rule(day_first: bool) -> _Rule:
    return _rule(
        r"(?<![\w/.\-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)"
        rf"(?P<year>{_YEAR})(?![/.\-]?\d)",
        _numeric(day_first),
    )


_FR_YEAR_PREFIXED = (
    # en 2023, depuis 2021, jusqu'en 2024, de 2019 (à 2023)
    rf"(?:en|depuis|dès|jusqu{_APOS}en|d{_APOS}ici|avant|après|entre|courant|de|pour)\s+"
    rf"(?P<year>{_YEAR})",
    # début 2023, fin 2023, mi-2023, au cours de l'année 2023, à la fin de 2023
    rf"(?:(?:dès|depuis|jusqu{_APOS}à|d{_APOS}ici|en)\s+)?(?:(?:au|à\s+la|la|le|du)\s+)?"
    rf"(?:mi(?:{_HYPHEN}|\s+)|(?:début|fin|milieu|courant|cours)\s+"
    rf"(?:(?:de\s+)?l{_APOS}année\s+|d{_APOS}année\s+|de\s+)?)(?P<year>{_YEAR})",
    # l'année 2023, en l'an 2000
    rf"(?:(?:en|de|pour|dans|depuis|durant|pendant)\s+)?l{_APOS}an(?:née)?\s+(?P<year>{_YEAR})",
    # à l'été 2023, au printemps 2023
    rf"(?:(?:au|à\s+l{_APOS}|en|depuis\s+l{_APOS}|depuis\s+le|dès\s+l{_APOS}|dès\s+le|l{_APOS}|"
    rf"le|cet)\s*)?(?:printemps|été|automne|hiver)\s+(?:de\s+|d{_APOS}\s*)?(?P<year>{_YEAR})",
    # au premier trimestre 2024, au T3 2024 (a quarter is reported as its year)
    rf"(?:(?:au|du|le|en)\s+)?(?:(?:premier|1er|deuxième|second|2e|2ème|troisième|3e|3ème|"
    rf"quatrième|4e|4ème|dernier)\s+(?:trimestre|semestre)|[TS][1-4])\s+"
    rf"(?:de\s+l{_APOS}année\s+|de\s+)?(?P<year>{_YEAR})",
    # (2021)
    rf"(?<=\()(?P<year>{_YEAR})(?=\))",
)
_EN_YEAR_PREFIXED = (
    rf"(?:in|since|by|until|till|before|after|during|throughout|from|between|through|for)\s+"
    rf"(?P<year>{_YEAR})",
    r"(?:(?:in|by|since|until|from|through|during|throughout|before|after)\s+)?(?:the\s+)?"
    r"(?:(?:early|late|mid)(?:-|\s+)|(?:start|beginning|end|middle|course|first\s+half|"
    rf"second\s+half|latter\s+half|rest)\s+of\s+)(?P<year>{_YEAR})",
    rf"(?:(?:in|during|for|of)\s+)?the\s+year\s+(?P<year>{_YEAR})",
    r"(?:(?:in|during|since|by|over)\s+)?(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+"
    rf"(?:of\s+)?(?P<year>{_YEAR})",
    r"(?:(?:in|during)\s+)?(?:the\s+)?(?:(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
    rf"\s+quarter\s+(?:of\s+)?|[QH][1-4]\s+)(?P<year>{_YEAR})",
    rf"(?<=\()(?P<year>{_YEAR})(?=\))",
)


def _french_rules() -> list[_Rule]:
    day, month, month_full, year = _FR_DAY, _FR_MONTH, _FR_MONTH_FULL, _YEAR
    range_tail = rf"\s+(?P<month>{month})(?:\s+(?P<year>{year}))?"
    return [
        *_SHARED_RULES,
        _numeric_rule(day_first=True),
        _rule(rf"{_FR_DAY_LEAD}(?P<day>{day})\s+(?P<month>{month})\s+(?P<year>{year})", _full_date),
        _rule(
            rf"{_FR_DAY_LEAD}(?P<day>{day})\s+(?P<month>{month})(?:\s+(?P<dir>dernier|prochain))?",
            _day_month,
        ),
        _rule(rf"entre\s+le\s+(?P<d1>{day})\s+et\s+le\s+(?P<d2>{day}){range_tail}", _day_range),
        _rule(rf"du\s+(?P<d1>{day})\s+au\s+(?P<d2>{day}){range_tail}", _day_range),
        _rule(
            rf"(?:les\s+)?(?P<d1>{day})(?:\s*(?:{_HYPHEN}|–)\s*|\s+(?:et|au)\s+)(?P<d2>{day})"
            + range_tail,
            _day_range,
        ),
        _rule(
            rf"{_FR_MONTH_LEAD}?(?P<month>{month})\s+(?:de\s+l{_APOS}année\s+)?(?P<year>{year})",
            _month_year,
        ),
        _rule(
            rf"(?:entre|de)\s+(?P<m1>{month_full})\s+(?:et|à)\s+(?P<month>{month})\s+"
            rf"(?P<year>{year})",
            _month_range,
        ),
        _rule(
            rf"{_FR_MONTH_LEAD}(?P<month>{month_full})(?:\s+(?P<dir>dernier|passé|prochain))?",
            _month_alone,
        ),
        _rule(rf"(?P<month>{month_full})\s+(?P<dir>dernier|passé|prochain)", _month_alone),
        *(_rule(p, _year) for p in _FR_YEAR_PREFIXED),
        _rule(rf"(?:à|au|et|jusqu{_APOS}en)\s+(?P<year>{year})", _year_continued),
        _rule(_phrases_pattern(_FR_DAY_PHRASES), _day_phrase),
        _rule(_phrases_pattern(_FR_PERIOD_PHRASES), _period_phrase),
        _rule(
            rf"(?:(?:au|à\s+l{_APOS}|(?P<this>cet|ce))\s*(?P<season>printemps|été|automne|hiver)"
            rf"(?:\s+(?P<dir>dernier|passé|prochain))?|(?:l{_APOS}|le|en)\s*"
            r"(?P<season2>printemps|été|automne|hiver)\s+(?P<dir2>dernier|passé|prochain))",
            _season_alone,
        ),
        _rule(
            rf"il\s+y\s+a\s+(?P<n>{_FR_NUMBER})\s+(?P<unit>jours?|semaines?|mois|ans?|années?)",
            _ago,
        ),
        _rule(
            rf"(?:(?P<ce>ce)\s+)?(?P<wd>{_FR_WEEKDAY})"
            r"(?:\s+(?:matin|midi|soir|après(?:-|\s+)midi))?"
            r"(?:\s+(?P<dir>dernier|passé|précédent|prochain))?",
            _weekday_fr,
        ),
    ]


def _english_rules() -> list[_Rule]:
    day, month, month_full, year = _EN_DAY, _EN_MONTH, _EN_MONTH_FULL, _YEAR
    year_tail = rf"(?:,?\s+(?P<year>{year}))?"
    return [
        *_SHARED_RULES,
        _numeric_rule(day_first=False),
        _rule(
            rf"{_EN_DAY_LEAD}(?P<month>{month})\s+(?P<day>{day})(?:,\s*|\s+)(?P<year>{year})",
            _full_date,
        ),
        _rule(
            rf"{_EN_DAY_LEAD}(?:the\s+)?(?P<day>{day})\s+(?:of\s+)?(?P<month>{month}),?\s+"
            rf"(?P<year>{year})",
            _full_date,
        ),
        _rule(rf"{_EN_DAY_LEAD}(?P<month>{month})\s+(?P<day>{day})", _day_month),
        _rule(
            rf"{_EN_DAY_LEAD}(?:the\s+)?(?P<day>{day})\s+(?:of\s+)?(?P<month>{month})", _day_month
        ),
        _rule(
            rf"(?:between|from)\s+(?P<month>{month})\s+(?P<d1>{day})\s*"
            rf"(?:\s(?:and|to|through|until)\s|-|–)\s*(?P<d2>{day}){year_tail}",
            _day_range,
        ),
        _rule(rf"(?P<month>{month})\s+(?P<d1>{day})\s*[-–]\s*(?P<d2>{day}){year_tail}", _day_range),
        _rule(
            rf"(?:(?:between|from)\s+(?:the\s+)?)?(?P<d1>{day})\s*(?:\s(?:and|to|through)\s|-|–)"
            rf"\s*(?:the\s+)?(?P<d2>{day})\s+(?:of\s+)?(?P<month>{month}){year_tail}",
            _day_range,
        ),
        _rule(rf"{_EN_MONTH_LEAD}?(?P<month>{month})(?:\s+of|,)?\s+(?P<year>{year})", _month_year),
        _rule(
            rf"(?:between|from)\s+(?P<m1>{month_full})\s+(?:and|to|through|until)\s+"
            rf"(?P<month>{month}),?\s+(?P<year>{year})",
            _month_range,
        ),
        _rule(rf"{_EN_MONTH_LEAD}(?P<month>{month_full})", _month_alone),
        _rule(rf"(?P<dir>last|next|this\s+past|this)\s+(?P<month>{month_full})", _month_alone),
        *(_rule(p, _year) for p in _EN_YEAR_PREFIXED),
        _rule(rf"(?:to|and|through|until|till)\s+(?P<year>{year})", _year_continued),
        _rule(_phrases_pattern(_EN_DAY_PHRASES), _day_phrase),
        _rule(_phrases_pattern(_EN_PERIOD_PHRASES), _period_phrase),
        _rule(
            r"(?:(?P<dir>last|next|this\s+past|this)\s+|(?:in|during)\s+the\s+)"
            r"(?P<season>spring|summer|fall|autumn|winter)",
            _season_alone,
        ),
        _rule(
            rf"(?P<n>{_EN_NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago",
            _ago,
        ),
        _rule(
            r"(?:(?P<dir>last|this\s+past|this|next|past|on|late|early)\s+)?"
            rf"(?P<wd>{_EN_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?",
            _weekday_en,
        ),
    ]


_RULES = {"fr": _french_rules(), "en": _english_rules()}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\]\([^)\s]*\)", re.IGNORECASE)


def _lang(lang: str | None) -> str:
    return "en" if str(lang or "").lower().startswith("en") else "fr"


def _as_date(reference: object) -> datetime.date | None:
    if isinstance(reference, datetime.datetime):
        return reference.date()
    return reference if isinstance(reference, datetime.date) else None


# --------------------------------------------------------------------------------------------
# Public functions


def find_dates(
    text: str,
    reference: datetime.date | None,
    lang: str = "fr",
    reference_precision: str | None = None,
) -> list[ResolvedDate]:
    """Every date expression in `text` (a sentence, usually), resolved against the article's
    publication date `reference`, in textual order, non-overlapping (longest match wins).

    Without a reference, relative expressions ("hier", "en février", "last week") are skipped.
    A reference known only to the month or the year (`reference_precision`, `reference` being
    the first day of that period) still gives the year of "le 16 juillet" or "mercredi 25
    septembre" (the weekday choosing among years); what counts back from the publication day
    ("jeudi", "hier", "la semaine dernière") can say no more than the publication's period.
    """
    if not isinstance(text, str) or not text:
        return []
    ref = _as_date(reference)
    if ref is not None and reference_precision in ("month", "year"):
        return _within_period(text, ref, reference_precision, lang)
    return _find(text, ref, lang)


def period_end(value: datetime.date, precision: str | None) -> datetime.date:
    """The last day of the period that starts at `value` (a day, a month or a year)."""
    if precision == "year":
        return datetime.date(value.year, 12, 31)
    if precision == "month":
        return _add_months(value, 1) - datetime.timedelta(days=1)
    return value


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_CALENDAR_RESOLVERS = frozenset({"_day_month", "_day_range", "_month_alone"})


def _within_period(
    text: str, start: datetime.date, precision: str, lang: str
) -> list[ResolvedDate]:
    """find_dates against a publication month or year: resolved against its last day, so that
    nothing in the period counts as "after publication"; then an expression that counts from the
    publication day is given the period itself, at the period's precision."""
    found = []
    for date, resolver, match in _find(text, period_end(start, precision), lang, details=True):
        if date.relative and resolver == "_day_month" and _weekday_named(match) is not None:
            date = _matching_weekday(date, _weekday_named(match))
        elif (
            date.relative
            and resolver not in _CALENDAR_RESOLVERS
            and _PRECISION_RANK[date.precision] < _PRECISION_RANK[precision]
        ):
            date = ResolvedDate(start, precision, date.text, date.start, date.end, True)
        found.append(date)
    return found


def _weekday_named(m: re.Match[str]) -> int | None:
    for word in re.findall(r"[^\W\d_]+", m.group()):
        if (number := _WEEKDAY_NUMBER.get(_fold(word))) is not None:
            return number
    return None


def _matching_weekday(date: ResolvedDate, weekday: int) -> ResolvedDate:
    """ "mercredi 25 septembre" in an article dated only 2019: the latest year, from the one
    resolved back, in which 25 September is a Wednesday."""
    for back in range(0, 7):
        try:
            candidate = date.value.replace(year=date.value.year - back)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            return ResolvedDate(candidate, date.precision, date.text, date.start, date.end, True)
    return date


def _find(text: str, ref: datetime.date | None, lang: str, *, details: bool = False) -> list:
    urls = [m.span() for m in _URL.finditer(text)]
    candidates: list[tuple[int, int, int, tuple]] = []
    for order, rule in enumerate(_RULES[_lang(lang)]):
        for m in rule.pattern.finditer(text):
            start, end = m.span()
            if start == end or any(s < end and start < e for s, e in urls):
                continue
            try:
                hit = rule.resolve(m, ref)
            except (ValueError, OverflowError, KeyError):
                hit = None
            if hit is not None:
                candidates.append((start, end, order, (hit, rule.resolve, m)))
    found = []
    for start, end, ((value, precision, relative), resolver, m) in _longest_non_overlapping(
        candidates
    ):
        date = ResolvedDate(value, precision, text[start:end], start, end, relative)
        found.append((date, getattr(resolver, "__name__", ""), m) if details else date)
    return found


def _longest_non_overlapping(
    candidates: list[tuple[int, int, int, tuple]],
) -> list[tuple[int, int, tuple]]:
    """Greedy: longest first (then leftmost, then rule order); result sorted by position."""
    starts: list[int] = []
    chosen: list[tuple[int, int, tuple]] = []
    for start, end, _order, hit in sorted(candidates, key=lambda c: (c[0] - c[1], c[0], c[2])):
        i = bisect.bisect_right(starts, start)
        if i > 0 and chosen[i - 1][1] > start:
            continue
        if i < len(chosen) and chosen[i][0] < end:
            continue
        starts.insert(i, start)
        chosen.insert(i, (start, end, hit))
    return chosen


_PRESENT = {
    "fr": re.compile(
        rf"(?<!\w)(?:aujourd{_APOS}hui|(?<!à\s)ce\s+jour|ce\s+matin|ce\s+midi|ce\s+soir|"
        rf"cet\s+après(?:{_HYPHEN}|\s+)midi|cette\s+nuit|ce\s+(?:même\s+)?{_FR_WEEKDAY}|"
        rf"cette\s+semaine|ce\s+week(?:{_HYPHEN}|\s+)?end|en\s+ce\s+moment|à\s+l{_APOS}instant|"
        rf"vien(?:t|nent)\s+(?:tout\s+juste\s+)?d(?:e\s+|{_APOS})(?-i:[a-zàâçéèêëîïôûùüÿœ]+"
        rf"(?:er|ir|re|oir)))(?![\w\u2010\u2011-])",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?<!\w)(?:today|tonight|earlier\s+today|this\s+(?:morning|afternoon|evening|week|weekend)|"
        rf"this\s+{_EN_WEEKDAY}|(?:has|have)\s+just\s+(?:been|left|quit|become|\w+ed))(?!\w)",
        re.IGNORECASE,
    ),
}


def is_present_marker(text: str, lang: str = "fr") -> bool:
    """True when the sentence says the event happens now (ce jour, aujourd'hui, ce matin, ce lundi,
    cette semaine, vient de quitter, today, this week, has just left...), so that the caller may
    fall back to the article date. "ce jour-là" and "à ce jour" (so far) are not the present."""
    if not isinstance(text, str) or not text:
        return False
    return _PRESENT[_lang(lang)].search(text) is not None


_ANY_MONTH = _alternation(name for names in _FR_MONTHS + _EN_MONTHS for name in names)
_ANY_WEEKDAY = _alternation(_FR_WEEKDAYS + _EN_WEEKDAYS) + r"\.?"
_ANY_DAY = r"(?:1er|1re|3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_TIME = (
    r"(?:(?:T|\s*[,|•·\-–—]?\s*(?:à|a|at)?\s*)\d{1,2}\s*[h:]\s*(?:\d{2})?(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
    r"(?:\s*\(?\s*(?:UTC|GMT|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT|HNE|HAE|Z)?"
    r"\s*(?:[+-]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?)"
)
_UPDATED = r"(?:mis|mise)\s+à\s+jour|modifi[ée]e?|actualis[ée]e?|(?:last\s+)?updated"
_PUBLICATION_LINE = {
    lang: re.compile(
        r"^\s*(?:(?:par|by)\s+[^\n]{1,60}?\s*[|,•·\-–—]\s*)?"
        rf"(?:(?P<label>{_UPDATED}|publi[ée]e?|mis\s+en\s+ligne|post[ée]e?|"
        r"date\s+de\s+publication|date|published|posted|dated)\s*(?:le|on)?\s*:?\s*)?"
        r"(?:(?:le|on)\s+)?"
        rf"(?:{_ANY_WEEKDAY},?\s+)?"
        r"(?:"
        rf"(?P<d1>{_ANY_DAY})\s+(?:of\s+)?(?P<m1>{_ANY_MONTH}),?\s+(?P<y1>{_YEAR})"
        rf"|(?P<m2>{_ANY_MONTH})\s+(?P<d2>{_ANY_DAY}),?\s+(?P<y2>{_YEAR})"
        rf"|(?P<y3>{_YEAR})-(?P<m3>0?[1-9]|1[0-2])-(?P<d3>0?[1-9]|[12]\d|3[01])"
        rf"|(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)(?P<y4>{_YEAR})"
        r")"
        rf"(?:{_TIME})?"
        rf"(?:\s*[,;|•·\-–—]\s*(?:{_UPDATED})[^\n]*)?"
        r"[\s.]*$",
        re.IGNORECASE,
    )
    for lang in ("fr", "en")
}
_MARKUP = re.compile(r"<[^>]{0,200}>|[*_`#>]+|^\s*[-|]\s+")


def find_publication_date(text: str, lang: str = "fr") -> datetime.date | None:
    """The publication date of an article that has no front matter, found in its first ~1500
    characters: a full date with day, month and year standing alone on a line ("18 novembre 2023",
    "Publié le 3 mars 2024 à 10h12", "March 3, 2024", "2024-03-03", "03/03/2024" as dd/mm/yyyy for
    fr, mm/dd/yyyy for en unless the first number is over 12), else None.

    A line labelled as an update ("Mis à jour le", "Updated") is used only when no other is found.
    """
    if not isinstance(text, str) or not text:
        return None
    pattern = _PUBLICATION_LINE[_lang(lang)]
    updated: datetime.date | None = None
    for line in text[:1500].splitlines():
        line = _MARKUP.sub("", line).strip()
        if not line or len(line) > 120:
            continue
        m = pattern.match(line)
        value = _publication_value(m, _lang(lang)) if m else None
        if value is None:
            continue
        if m and m["label"] and re.match(_UPDATED, m["label"], re.IGNORECASE):
            updated = updated or value
            continue
        return value
    return updated


def _publication_value(m: re.Match[str], lang: str) -> datetime.date | None:
    try:
        if m["y1"]:
            return datetime.date(int(m["y1"]), _month(m["m1"]), _day(m["d1"]))
        if m["y2"]:
            return datetime.date(int(m["y2"]), _month(m["m2"]), _day(m["d2"]))
        if m["y3"]:
            return datetime.date(int(m["y3"]), int(m["m3"]), int(m["d3"]))
        a, b = int(m["a"]), int(m["b"])
        day, month = (b, a) if lang == "en" and a <= 12 else (a, b)
        return datetime.date(int(m["y4"]), month, day)
    except (ValueError, KeyError, OverflowError):
        return None
