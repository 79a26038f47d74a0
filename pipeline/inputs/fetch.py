"""Fetch one web page over HTTP(S): bounded in time and size, every failure one line."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from pipeline import __version__

URL_SCHEMES = ("http://", "https://")
TIMEOUT_SECONDS = 30.0
MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = f"pipeline/{__version__} (news article reader)"
_MB = 1024 * 1024


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes


class FetchError(RuntimeError):
    """Why a URL gave no page, in one line."""


def is_url(value: str) -> bool:
    return value.lower().startswith(URL_SCHEMES)


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Page:
    if not is_url(url):
        raise FetchError("only http:// and https:// URLs can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            _check_declared_size(response.headers, max_bytes)
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"too large (> {max_bytes / _MB:g} MB)")
            headers: Message = response.headers
            return Page(
                url=response.geturl(),
                content_type=headers.get_content_type(),
                charset=headers.get_content_charset(),
                body=body,
            )
    except urllib.error.HTTPError as error:
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"unreachable: {_reason(error.reason)}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g} s") from None
    except ValueError as error:  # malformed URL, e.g. a bad port
        raise FetchError(f"invalid URL: {error}") from None
    except OSError as error:  # connection reset mid-body, and the like
        raise FetchError(f"unreachable: {_reason(error)}") from None


def _check_declared_size(headers: Message, max_bytes: int) -> None:
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"too large ({int(declared) / _MB:.1f} MB > {max_bytes / _MB:g} MB)")


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return str(reason) or type(reason).__name__
