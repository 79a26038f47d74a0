"""Compiled regular expressions kept on disk between runs.

spaCy's French tokenizer recognises its exceptions ("aujourd'hui", "porte-monnaie", ...) with one
1.4 MB regular expression that Python's `re` compiles afresh in every process: about 3 s, more than
half of loading the model, paid by every `pipeline` command that extracts. The compiled form (the
list of opcodes `re` hands to `_sre`) depends only on the pattern and on the Python build, so it is
saved once in the cache directory and put in `re`'s own cache before spaCy asks for the pattern.

This leans on CPython internals (`re._parser`, `re._compiler`, `re._cache`, `_sre.compile`), so
every step is guarded: another interpreter, a damaged or foreign file, or a read-only cache
directory means the pattern is simply compiled the usual way.
"""

from __future__ import annotations

import _sre
import array
import hashlib
import json
import logging
import os
import re
import sys
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 1
# The array type whose items are as wide as one `_sre` opcode.
_CODE_TYPE = "I" if array.array("I").itemsize == _sre.CODESIZE else "L"


def cache_directory() -> Path:
    """PIPELINE_CACHE_DIR, else $XDG_CACHE_HOME/pipeline, else ~/.cache/pipeline."""
    chosen = os.environ.get("PIPELINE_CACHE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pipeline"


def precompile(pattern: str, directory: Path | None = None) -> re.Pattern:
    """The compiled `pattern`, from the cache when it holds it (compiled and saved otherwise);
    afterwards `re.compile(pattern)` returns this very object while `re` keeps it cached."""
    if not _opcodes_supported():
        return re.compile(pattern)
    path = (directory or cache_directory()) / f"regex-{_cache_key(pattern)}.bin"
    compiled = _load(path, pattern)
    if compiled is None:
        compiled, header, code = _compile(pattern)
        _save(path, header, code)
    re._cache[str, pattern, 0] = compiled
    return compiled


def _opcodes_supported() -> bool:
    return (
        sys.implementation.name == "cpython"
        and isinstance(getattr(re, "_cache", None), dict)
        and hasattr(re, "_parser")
        and hasattr(re, "_compiler")
        and hasattr(re._compiler, "_code")
        and array.array(_CODE_TYPE).itemsize == _sre.CODESIZE
    )


def _cache_key(pattern: str) -> str:
    """Opcodes are only valid for the Python build that made them: its version and `_sre` magic
    number are part of the key, with the pattern itself."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|".encode())
    digest.update(pattern.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _compile(pattern: str) -> tuple[re.Pattern, dict, array.array]:
    """What `re._compiler.compile` does, keeping the opcodes it throws away."""
    parsed = re._parser.parse(pattern, 0)
    code = re._compiler._code(parsed, 0)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    header = {
        "flags": parsed.state.flags,
        "groups": parsed.state.groups,
        "groupindex": groupindex,
        "indexgroup": indexgroup,
    }
    opcodes = array.array(_CODE_TYPE, code)
    header["code_sha256"] = hashlib.sha256(opcodes.tobytes()).hexdigest()
    return _from_opcodes(pattern, header, code), header, opcodes


def _from_opcodes(pattern: str, header: dict, code: list[int]) -> re.Pattern:
    return _sre.compile(
        pattern,
        header["flags"],
        code,
        header["groups"] - 1,
        header["groupindex"],
        tuple(header["indexgroup"]),
    )


def _load(path: Path, pattern: str) -> re.Pattern | None:
    try:
        with path.open("rb") as file:
            header = json.loads(file.readline())
            raw = file.read()
        if hashlib.sha256(raw).hexdigest() != header["code_sha256"]:
            raise ValueError("opcodes do not match their checksum")
        opcodes = array.array(_CODE_TYPE)
        opcodes.frombytes(raw)
        return _from_opcodes(pattern, header, opcodes.tolist())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:
        log.debug("compiled regex cache %s unusable (%s); compiling again", path, error)
        return None


def _save(path: Path, header: dict, opcodes: array.array) -> None:
    """Written under a temporary name and renamed, so a reader never sees half a file."""
    written = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as file:
            written = Path(file.name)
            file.write(json.dumps(header).encode() + b"\n")
            file.write(opcodes.tobytes())
        os.replace(written, path)
    except OSError as error:
        log.debug("compiled regex cache %s not written (%s)", path, error)
        if written is not None:
            written.unlink(missing_ok=True)
