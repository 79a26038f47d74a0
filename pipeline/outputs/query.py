"""Answers from the saved views, and nothing else: a view name, filters, rows."""

from __future__ import annotations

import calendar
import datetime
import difflib
import re
from dataclasses import dataclass

from sqlalchemy import Date, Engine, String, column, select, table, text, union

from pipeline.extract.gazetteers import canonical_organization
from pipeline.store.folding import fold, folded

DATE_FILTER = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# The foci of team_focus's lexicon, in the order --focus lists them.
FOCI = ("safety", "ethics", "alignment", "policy", "research", "product", "other")


@dataclass(frozen=True)
class ViewSpec:
    view: str
    columns: tuple[str, ...]  # JSON, CSV, --wide
    table_columns: tuple[str, ...]  # the few a person reads in a terminal
    organization_column: str | None = "organization"
    date_column: str | None = "event_date"
    kind_column: str | None = None
    person_column: str | None = None
    focus_column: str | None = None
    order_by: tuple[str, ...] = ()


VIEWS: dict[str, ViewSpec] = {
    "departures": ViewSpec(
        "departures",
        (
            "person",
            "organization",
            "kind",
            "role",
            "date",
            "year",
            "date_precision",
            "article_count",
            "first_reported",
            "last_reported",
            "event_key",
        ),
        ("person", "organization", "kind", "date", "article_count"),
        kind_column="kind",
        person_column="person",
        order_by=("event_date desc", "person"),
    ),
    "dissolutions": ViewSpec(
        "dissolutions",
        (
            "team",
            "organization",
            "focus",
            "date",
            "year",
            "date_precision",
            "article_count",
            "first_reported",
            "last_reported",
            "event_key",
        ),
        ("team", "organization", "focus", "date", "article_count"),
        focus_column="focus",
        order_by=("event_date desc", "team"),
    ),
    "hirings": ViewSpec(
        "hirings",
        (
            "person",
            "organization",
            "event_type",
            "role",
            "date",
            "year",
            "date_precision",
            "article_count",
            "event_key",
        ),
        ("person", "organization", "event_type", "date", "article_count"),
        kind_column="event_type",
        person_column="person",
        order_by=("event_date desc", "person"),
    ),
    "departures-by-lab": ViewSpec(
        "departures_by_lab",
        (
            "organization",
            "year",
            "departures",
            "resignations",
            "dismissals",
            "other_departures",
            "article_count",
        ),
        ("organization", "year", "departures", "resignations", "dismissals", "article_count"),
        date_column=None,
        order_by=("organization", "year"),
    ),
    "people-moves": ViewSpec(
        "people_moves",
        (
            "person",
            "left_organization",
            "departure_kind",
            "left_date",
            "joined_organization",
            "joined_as",
            "joined_date",
        ),
        (
            "person",
            "left_organization",
            "departure_kind",
            "left_date",
            "joined_organization",
            "joined_date",
        ),
        organization_column="left_organization",
        date_column=None,
        kind_column="departure_kind",
        person_column="person",
        order_by=("left_date desc", "person"),
    ),
    "sources": ViewSpec(
        "event_sources",
        (
            "event_type",
            "subject",
            "organization",
            "kind",
            "date",
            "sentence",
            "article_title",
            "article_url",
            "article_source",
            "article_lang",
            "published_on",
            "rule",
            "extractor_version",
            "event_key",
        ),
        ("subject", "date", "sentence", "article_source"),
        kind_column="kind",
        person_column="subject",
        order_by=("event_key", "published_on"),
    ),
    "careers": ViewSpec(
        "careers",
        (
            "person",
            "step",
            "move",
            "organization",
            "kind",
            "role",
            "date",
            "date_precision",
            "article_count",
            "event_type",
            "event_key",
        ),
        ("step", "move", "organization", "kind", "date", "article_count"),
        person_column="person",
        order_by=("person", "step"),
    ),
}


class QueryError(ValueError):
    """A filter that cannot be understood, explained in one line."""


@dataclass(frozen=True)
class Filters:
    organization: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    person: str | None = None
    event_key: str | None = None
    limit: int | None = None
    focus: tuple[str, ...] = ()


def parse_foci(value: str | None) -> tuple[str, ...]:
    """ "safety" -> ("safety",); "safety,ethics" -> both; refused in one line if unknown."""
    if not value:
        return ()
    wanted = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    if not wanted or any(focus not in FOCI for focus in wanted):
        listed = f"{', '.join(FOCI[:-1])} or {FOCI[-1]}"
        raise QueryError(f"--focus must be {listed} (several with commas: safety,ethics)")
    return wanted


def parse_period(value: str, *, end: bool) -> datetime.date:
    """ "2024" -> 2024-01-01 (or 2024-12-31 as an end); "2024-05" -> 2024-05-01 / 2024-05-31."""
    match = DATE_FILTER.match(value.strip())
    if not match:
        raise QueryError(f"invalid date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            return datetime.date(year, month, day)
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            return datetime.date(year, month, last if end else 1)
        return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
    except ValueError as exc:
        raise QueryError(f"invalid date {value!r}: {exc}") from exc


def run_view(engine: Engine, name: str, filters: Filters = Filters()) -> list[dict]:
    spec = VIEWS[name]
    view = table(spec.view, *(column(c) for c in _all_columns(spec)))
    statement = select(*(view.c[c] for c in spec.columns))
    dialect = engine.dialect.name
    if filters.organization and spec.organization_column:
        wanted = canonical_organization(filters.organization) or filters.organization
        organization = folded(view.c[spec.organization_column], dialect)
        statement = statement.where(organization == fold(wanted))
    if spec.date_column:
        date_column = column(spec.date_column, Date)
        if filters.since:
            statement = statement.where(date_column >= parse_period(filters.since, end=False))
        if filters.until:
            statement = statement.where(date_column <= parse_period(filters.until, end=True))
    elif name == "departures-by-lab":
        year = column("year")
        if filters.since:
            statement = statement.where(year >= parse_period(filters.since, end=False).year)
        if filters.until:
            statement = statement.where(year <= parse_period(filters.until, end=True).year)
    if filters.kind and spec.kind_column:
        statement = statement.where(view.c[spec.kind_column] == filters.kind)
    if filters.person and spec.person_column:
        person = folded(column(spec.person_column, String), dialect)
        statement = statement.where(person.contains(fold(filters.person), autoescape=True))
    if filters.focus and spec.focus_column:
        statement = statement.where(view.c[spec.focus_column].in_(filters.focus))
    if filters.event_key and "event_key" in _all_columns(spec):
        statement = statement.where(column("event_key") == filters.event_key)
    statement = statement.order_by(*(_order(term) for term in spec.order_by))
    if filters.limit:
        statement = statement.limit(filters.limit)
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(statement)]


def _all_columns(spec: ViewSpec) -> tuple[str, ...]:
    extra = [spec.date_column] if spec.date_column else []
    return tuple(dict.fromkeys([*spec.columns, *extra]))


def _order(term: str):
    name, _, direction = term.partition(" ")
    target = column(name)
    return target.desc().nulls_last() if direction == "desc" else target.asc().nulls_last()


def organization_suggestions(engine: Engine, name: str) -> list[str] | None:
    """None when the database knows the organisation `name` (an empty answer is then the
    answer); else the names it knows that are closest ("Open" -> OpenAI, OpenText), maybe none."""
    wanted = fold(canonical_organization(name) or name)
    known = union(
        *(
            select(column("organization")).select_from(text(view))
            for view in ("departures", "dissolutions", "hirings")
        )
    )
    with engine.connect() as connection:
        names = [found for found in connection.execute(known).scalars() if found]
    folded = {fold(found): found for found in names}
    if wanted in folded:
        return None
    starting = sorted(found for key, found in folded.items() if key.startswith(wanted))
    containing = sorted(
        found for key, found in folded.items() if wanted in key and found not in starting
    )
    similar = [
        folded[key]
        for key in difflib.get_close_matches(wanted, list(folded), n=5, cutoff=0.6)
        if folded[key] not in starting + containing
    ]
    return (starting + containing + similar)[:5]
