"""How `pipeline` reads its command line beyond what Typer does: usage errors in one line in the
project's words ("error: --format must be table, json, csv or markdown"), and the global flags
-q/-v accepted after the command name as well as before it.

Typer ships its own copy of click (whose classes are not `click`'s), so its exceptions and
parameters are recognised by name and attribute, not by import."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import get_args

import typer
from typer.core import TyperGroup

GLOBAL_FLAGS = frozenset({"-q", "--quiet", "-v", "--verbose"})
EXIT_USAGE = 2
UsageError = next(k for k in typer.BadParameter.__mro__ if k.__name__ == "UsageError")


class PipelineGroup(TyperGroup):
    def main(self, args: Sequence[str] | None = None, *more, standalone_mode: bool = True, **kw):
        arguments = global_flags_first(list(sys.argv[1:] if args is None else args))
        if not standalone_mode:
            return super().main(arguments, *more, standalone_mode=False, **kw)
        try:
            code = super().main(arguments, *more, standalone_mode=False, **kw)
        except UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":
                error.show()  # `pipeline` or `pipeline query` alone: the help, as Typer does
            else:
                typer.echo(f"error: {describe(error)}", err=True)
            sys.exit(EXIT_USAGE)
        except typer.Abort:
            typer.echo("aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def global_flags_first(arguments: list[str]) -> list[str]:
    """`pipeline query departures -q` -> `pipeline -q query departures`; nothing moves past a
    `--` (after which every word is an argument)."""
    end = arguments.index("--") if "--" in arguments else len(arguments)
    flags = [word for word in arguments[:end] if word in GLOBAL_FLAGS]
    rest = [word for word in arguments[:end] if word not in GLOBAL_FLAGS]
    return [*flags, *rest, *arguments[end:]]


def describe(error: Exception) -> str:
    """One line saying what was wrong with the command line, in the project's words."""
    kind = type(error).__name__
    param = getattr(error, "param", None)
    context = getattr(error, "ctx", None)
    if kind == "MissingParameter" and param is not None:
        return f"missing {_name(param)}{_see_help(context)}"
    if kind == "BadParameter" and param is not None:
        return _bad_value(param, error)
    if kind == "NoSuchOption":
        possibilities = sorted(getattr(error, "possibilities", None) or ())
        if possibilities:
            return f"no option {error.option_name}; did you mean {' or '.join(possibilities)}?"
        return f"no option {error.option_name}{_see_help(context)}"
    message = str(error.format_message()).strip().rstrip(".").replace(". Did you", "; did you")
    hint = "" if "did you mean" in message else _see_help(context)
    return message[:1].lower() + message[1:].replace("'?", "?").replace("mean '", "mean ") + hint


def _bad_value(param, error: Exception) -> str:
    name = _name(param)
    choices = _choices(param)
    if choices:
        return f"{name} must be {', '.join(choices[:-1])} or {choices[-1]}"
    minimum = _minimum(param)
    if minimum is not None:
        return f"{name} must be a whole number of at least {minimum}"
    if _wants_int(param):
        return f"{name} must be a whole number"
    reason = str(getattr(error, "message", error)).strip().rstrip(".")
    return f"{name}: {reason[:1].lower()}{reason[1:]}"


def _choices(param) -> list[str] | None:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None and getattr(descriptor, "is_choice", False):
        found = descriptor.choices
    else:
        found = getattr(getattr(param, "type", None), "choices", None)
    return [str(getattr(choice, "value", choice)) for choice in found] if found else None


def _minimum(param):
    descriptor = getattr(param, "type_descriptor", None)
    info = getattr(descriptor, "parameter_info", None)
    found = getattr(info, "min", None)
    return found if found is not None else getattr(getattr(param, "type", None), "min", None)


def _wants_int(param) -> bool:
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return annotation is int or int in get_args(annotation)


def _name(param) -> str:
    options = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and options:
        return max(options, key=len)
    return str(getattr(param, "human_readable_name", None) or param.name).upper()


def _see_help(context) -> str:
    path = getattr(context, "command_path", None)
    return f" (see {path} --help)" if path else ""
