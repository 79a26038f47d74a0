"""The time every stored row is stamped with: timezone-aware UTC."""

import datetime


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)
