"""The report's words in French and English: labels, and the sentences that head each event
("Hugo Lemaire a démissionné d'OpenAI en mai 2024.", "Google dismissed Ana Ruiz in December
2020."). The language follows the articles unless asked for."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

LANGUAGES = ("en", "fr")

LABELS = {
    "en": {
        "title": "Departures and team dissolutions in AI labs",
        "generated": "Generated {today}",
        "dated": "events dated {first}–{last}",
        "departures": "departures",
        "labs": "labs with departures",
        "dissolutions": "team dissolutions",
        "articles": "articles with evidence",
        "timeline_heading": "Timeline of departures per lab",
        "timeline_title": "Departures per lab, {first}–{last}",
        "dissolutions_heading": "Team dissolutions",
        "departures_heading": "Departures by lab",
        "careers_heading": "Careers",
        "careers_note": "Every known move of each person who left a lab, in date order.",
        "evidence_heading": "Evidence",
        "evidence_note": "Every sentence the events above were read from, with its article.",
        "team": "Team",
        "organization": "Organisation",
        "focus": "Focus",
        "date": "Date",
        "article_count": "Articles",
        "evidence": "Evidence",
        "person": "Person",
        "kind": "Kind",
        "role": "Role",
        "unknown_date": "unknown",
        "no_evidence": "none",
        "unknown_organization": "(organisation unknown)",
        "year_only": "year known, not month",
        "no_timeline": "No dated departure to draw.",
        "no_dissolutions": "No team dissolution found.",
        "no_departures": "No departure found.",
        "no_careers": "No career to show.",
        "no_evidence_at_all": "No evidence: nothing was found yet.",
        "undated_one": "1 departure without a known date is in the tables below but not on the "
        "timeline.",
        "undated_many": "{count} departures without a known date are in the tables below but "
        "not on the timeline.",
        "footer": "Made by pipeline {version} from the saved views departures, dissolutions, "
        "careers and event_sources. No network is needed to read this file.",
    },
    "fr": {
        "title": "Départs et dissolutions d'équipes dans les laboratoires d'IA",
        "generated": "Généré le {today}",
        "dated": "événements datés de {first} à {last}",
        "departures": "départs",
        "labs": "laboratoires touchés par des départs",
        "dissolutions": "équipes dissoutes",
        "articles": "articles cités",
        "timeline_heading": "Chronologie des départs par laboratoire",
        "timeline_title": "Départs par laboratoire, {first}–{last}",
        "dissolutions_heading": "Équipes dissoutes",
        "departures_heading": "Départs par laboratoire",
        "careers_heading": "Parcours",
        "careers_note": "Chaque mouvement connu des personnes qui ont quitté un laboratoire, "
        "dans l'ordre des dates.",
        "evidence_heading": "Sources",
        "evidence_note": "Chaque phrase dont sont tirés les événements ci-dessus, avec son "
        "article.",
        "team": "Équipe",
        "organization": "Organisation",
        "focus": "Domaine",
        "date": "Date",
        "article_count": "Articles",
        "evidence": "Sources",
        "person": "Personne",
        "kind": "Type",
        "role": "Fonction",
        "unknown_date": "inconnue",
        "no_evidence": "aucune",
        "unknown_organization": "(organisation inconnue)",
        "year_only": "année connue, mois inconnu",
        "no_timeline": "Aucun départ daté à afficher.",
        "no_dissolutions": "Aucune dissolution d'équipe trouvée.",
        "no_departures": "Aucun départ trouvé.",
        "no_careers": "Aucun parcours à afficher.",
        "no_evidence_at_all": "Aucune source : rien n'a encore été trouvé.",
        "undated_one": "1 départ sans date connue figure dans les tableaux ci-dessous, pas sur "
        "la chronologie.",
        "undated_many": "{count} départs sans date connue figurent dans les tableaux ci-dessous, "
        "pas sur la chronologie.",
        "footer": "Réalisé par pipeline {version} à partir des vues departures, dissolutions, "
        "careers et event_sources. Ce fichier se lit sans réseau.",
    },
}

KINDS = {
    "en": {"resignation": "resignation", "dismissal": "dismissal", "departure": "departure"},
    "fr": {"resignation": "démission", "dismissal": "licenciement", "departure": "départ"},
}
# On the timeline's legend, "departure" means a departure of no known kind.
LEGEND_KINDS = {
    "en": {**KINDS["en"], "departure": "other departure"},
    "fr": {**KINDS["fr"], "departure": "autre départ"},
}
FOCI = {
    "en": {
        "safety": "safety",
        "ethics": "ethics",
        "alignment": "alignment",
        "policy": "policy",
        "research": "research",
        "product": "product",
        "other": "other",
    },
    "fr": {
        "safety": "sécurité",
        "ethics": "éthique",
        "alignment": "alignement",
        "policy": "politiques publiques",
        "research": "recherche",
        "product": "produit",
        "other": "autre",
    },
}
MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}
_VOWELS = tuple("aeiouyàâäéèêëîïôöùûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ")


def choose_language(article_languages: Iterable[str | None], asked: str | None = None) -> str:
    """`asked` if given; else French when at least half the articles are French, else English
    (English too when there is no article)."""
    if asked:
        return asked
    counts = Counter((lang or "").lower()[:2] for lang in article_languages)
    french, total = counts["fr"], sum(counts.values())
    return "fr" if total and french * 2 >= total else "en"


def labels(lang: str) -> dict[str, str]:
    return LABELS[lang]


def kind_label(kind: str | None, lang: str) -> str:
    return KINDS[lang].get(kind or "departure", kind or "")


def focus_label(focus: str | None, lang: str) -> str:
    return FOCI[lang].get(focus or "", focus or "")


def date_phrase(date: str | None, lang: str) -> str:
    """ "2024-05-17" -> "on 17 May 2024" / "le 17 mai 2024"; "2024-05" -> "in May 2024" /
    "en mai 2024"; "2024" -> "in 2024" / "en 2024"; nothing for an unknown date."""
    if not date:
        return ""
    parts = date.split("-")
    year = parts[0]
    if len(parts) == 1:
        return f"in {year}" if lang == "en" else f"en {year}"
    month = MONTHS[lang][int(parts[1]) - 1]
    if len(parts) == 2:
        return f"in {month} {year}" if lang == "en" else f"en {month} {year}"
    day = int(parts[2])
    if lang == "en":
        return f"on {day} {month} {year}"
    return f"le {'1er' if day == 1 else day} {month} {year}"


def _de(name: str) -> str:
    """French "de": "d'OpenAI", "de Google"."""
    return f"d'{name}" if name.startswith(_VOWELS) else f"de {name}"


def event_sentence(row: dict, lang: str) -> str:
    """The heading of an event in the report, as a sentence in `lang`."""
    when = date_phrase(row.get("date"), lang)
    when = f" {when}" if when else ""
    organization = row.get("organization")
    if "team" in row:
        return _dissolution_sentence(row["team"], organization, when, lang)
    person, kind = row["person"], row.get("kind") or "departure"
    if lang == "fr":
        if not organization:
            noun = {"resignation": "Démission", "dismissal": "Licenciement"}.get(kind, "Départ")
            return f"{noun} de {person}{when}."
        if kind == "resignation":
            return f"{person} a démissionné {_de(organization)}{when}."
        if kind == "dismissal":
            return f"{organization} a licencié {person}{when}."
        return f"{person} a quitté {organization}{when}."
    if kind == "resignation":
        return f"{person} resigned{f' from {organization}' if organization else ''}{when}."
    if kind == "dismissal":
        if not organization:
            return f"{person} was dismissed{when}."
        return f"{organization} dismissed {person}{when}."
    return f"{person} left {organization or 'an organisation not named'}{when}."


def _dissolution_sentence(team: str, organization: str | None, when: str, lang: str) -> str:
    if lang == "fr":
        named = team if team.lower().startswith(("équipe", "cellule", "groupe")) else None
        the_team = f"l'{named}" if named and named.lower().startswith("é") else None
        if named and the_team is None:
            the_team = f"la {named}" if named.lower().startswith("cellule") else f"le {named}"
        the_team = the_team or f"l'équipe {team}"
        if not organization:
            return f"Dissolution de {the_team}{when}."
        return f"{organization} a dissous {the_team}{when}."
    named = team.lower().startswith(("équipe", "cellule")) or team.lower().endswith(
        ("team", "group", "unit", "lab", "council", "office")
    )
    the_team = team if named else f"the {team} team"
    if not organization:
        return f"{the_team[:1].upper()}{the_team[1:]} was dissolved{when}."
    return f"{organization} dissolved {the_team}{when}."


def move_phrase(move: dict, lang: str) -> str:
    """A step of a career: "left OpenAI (resignation, May 2024)" / "départ d'OpenAI
    (démission, mai 2024)"."""
    organization = move.get("organization") or LABELS[lang]["unknown_organization"]
    details = []
    if move.get("kind"):
        details.append(kind_label(move["kind"], lang))
    if move.get("date"):
        details.append(date_phrase(move["date"], lang).split(" ", 1)[1])
    suffix = f" ({', '.join(details)})" if details else ""
    if lang == "fr":
        step = {
            "left": f"départ {_de(organization)}",
            "joined": f"arrivée chez {organization}",
            "returned to": f"retour chez {organization}",
        }[move["move"]]
    else:
        step = f"{move['move']} {organization}"
    return step + suffix
