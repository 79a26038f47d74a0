"""Short generated articles (French and English; departures, moves, dissolutions, noise) so that
crash and concurrency tests get hundreds of distinct articles that extract in milliseconds."""

from __future__ import annotations

import random
from pathlib import Path

FIRST_NAMES = ("Camille", "Hugo", "Léa", "Louis", "Chloé", "Gabriel", "Manon", "Arthur", "Inès")
LAST_NAMES = ("Moreau", "Lefèvre", "Garnier", "Chevalier", "Rousseau", "Faure", "Mercier", "Bonnet")
LABS = ("OpenAI", "Anthropic", "Google DeepMind", "Meta", "Mistral AI", "Microsoft")
MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "septembre", "octobre")
MONTHS_EN = ("January", "March", "May", "June", "September", "November")
TEAMS = ("équipe d'éthique", "équipe de sécurité", "équipe de recherche fondamentale")


def _french_departure(rng: random.Random, person: str, lab: str) -> str:
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS_FR)} {rng.randint(2019, 2025)}"
    return f"{person} a quitté {lab} le {date}, selon plusieurs sources."


def _french_move(rng: random.Random, person: str, lab: str) -> str:
    other = rng.choice([x for x in LABS if x != lab])
    return f"{person} a quitté {lab} pour rejoindre {other} en {rng.choice(MONTHS_FR)} 2024."


def _french_dissolution(rng: random.Random, person: str, lab: str) -> str:
    team = rng.choice(TEAMS)
    return f"{lab} a dissous son {team} en {rng.choice(MONTHS_FR)} 2023, a confirmé {person}."


def _english_departure(rng: random.Random, person: str, lab: str) -> str:
    return f"{person} left {lab} in {rng.choice(MONTHS_EN)} 2024, the company said."


def _noise(rng: random.Random, person: str, lab: str) -> str:
    return f"{lab} a présenté un nouveau modèle de langage lors d'une conférence."


KINDS = (_french_departure, _french_move, _french_dissolution, _english_departure, _noise)


def write_corpus(folder: Path, count: int, *, seed: int = 5) -> list[Path]:
    """`count` distinct short articles `folder/a0000.txt`..., the same for the same seed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        lab = rng.choice(LABS)
        sentence = KINDS[number % len(KINDS)](rng, person, lab)
        filler = (
            "The researcher had worked on language models for years."
            if sentence.endswith("said.")
            else "Le chercheur travaillait depuis plusieurs années sur les modèles de langage."
        )
        path = folder / f"a{number:04d}.txt"
        path.write_text(f"{sentence} {filler}\n\n(dépêche n°{number})\n", encoding="utf-8")
        paths.append(path)
    return paths
