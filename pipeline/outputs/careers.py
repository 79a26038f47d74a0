"""One person's career from the `careers` view: the person a name means (accents and case
ignored, a surname alone when only one person has it), their moves in order, and the path
as one line: "left OpenAI (resignation, 2024-05) -> joined Anthropic (2024-05)"."""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Sequence

from sqlalchemy import Engine, text

from pipeline.extract.team_focus import fold
from pipeline.outputs.query import Filters, run_view

ARROW = " -> "


class PersonError(LookupError):
    """No person, or several, answer to the name given; explained in one line."""


def find_person(engine: Engine, name: str) -> str:
    """The person `name` means, as the database names them."""
    with engine.connect() as connection:
        people = connection.execute(text("select distinct person from careers")).scalars().all()
    wanted = fold(name)
    if not wanted:
        raise PersonError("give a name, e.g. pipeline query person Lemaire")
    exact = [person for person in people if fold(person) == wanted]
    if exact:
        return exact[0]
    words = set(wanted.split())
    matching = sorted(person for person in people if words <= set(fold(person).split()))
    if len(matching) == 1:
        return matching[0]
    if matching:
        raise PersonError(
            f"{name!r} names {len(matching)} people: {', '.join(matching)}; give the full name"
        )
    raise PersonError(f"no person {name!r}{_suggestion(wanted, people)}")


def _suggestion(wanted: str, people: Sequence[str]) -> str:
    by_key = {fold(person): person for person in people}
    for person in people:  # "Lemair" is close to the surname of "Hugo Lemaire"
        by_key.setdefault(fold(person).split()[-1], person)
    close = difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=0.7)
    names = list(dict.fromkeys(by_key[key] for key in close))
    return f"; did you mean {', '.join(names)}?" if names else " in the database"


def career(engine: Engine, person: str) -> list[dict]:
    """The person's moves from `careers`, first to last."""
    rows = run_view(engine, "careers", Filters(person=person))
    return [row for row in rows if row["person"] == person]


def describe_move(move: dict) -> str:
    """ "left OpenAI (resignation, 2024-05)", "joined Anthropic (2024-05)"."""
    organization = move["organization"] or "an organisation not named"
    details = [part for part in (move.get("kind"), move.get("date")) if part]
    return f"{move['move']} {organization}" + (f" ({', '.join(details)})" if details else "")


def path_line(moves: Sequence[dict], width: int | None = None) -> str:
    """The moves joined by arrows, wrapped at the arrows to `width` when given."""
    line = ARROW.join(describe_move(move) for move in moves)
    if width is None or len(line) <= width:
        return line
    steps = [describe_move(move) for move in moves]
    wrapped, current = [], steps[0]
    for step in steps[1:]:
        if len(current) + len(ARROW) + len(step) <= width:
            current += ARROW + step
        else:
            wrapped.append(current + ARROW.rstrip())
            current = step
    wrapped.append(current)
    return "\n".join(textwrap.shorten(part, width, placeholder="…") for part in wrapped)
