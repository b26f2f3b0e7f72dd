"""The briefing JSON contract: its JSON Schema and the way back from JSON to a `Briefing`.

`exporter inspect --json` prints `model.to_data(briefing)`; a person may correct that file and
build from it (`exporter build x.briefing.json`) without the article being read or analysed
again. Both the published schema and the validation of such a file are derived here from the
model's dataclasses, so the contract is written down once (in `model.py`) and cannot drift.

Validation is deliberately small (no JSON Schema engine at run time): it walks the dataclass
field types and stops at the first problem with its JSON path, `quotes[3].speaker: expected a
string`. Unknown fields are errors: a misspelt correction must not vanish silently.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import itertools
import json
import types
import typing
from typing import Any, Literal, Union, get_args, get_origin

from . import model
from .errors import SourceError
from .model import SCHEMA_VERSION, Article, Briefing
from .readers import looks_like_briefing

SCHEMA_ID = "https://exporter.invalid/schema/briefing-v{}.json"
"""The schema's `$id` (a name, never fetched)."""

_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))
_BRIEFING_FIELDS = tuple(f.name for f in dataclasses.fields(Briefing) if f.name != "article")


class ContractError(ValueError):
    """Data that does not follow the contract; `path` is where (`quotes[3].speaker`)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path


# --- the schema -------------------------------------------------------------------------------


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _fields(cls: type) -> list[tuple[dataclasses.Field[Any], Any]]:
    hints = _hints(cls)
    return [(f, hints[f.name]) for f in dataclasses.fields(cls)]


def _required(f: dataclasses.Field[Any]) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _doc(cls: type, name: str) -> str | None:
    """Return the docstring written under field `name` of `cls` (the model documents each)."""
    return _field_docs(cls).get(name)


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    import ast
    import inspect

    try:
        tree = ast.parse(inspect.getsource(cls))
    except (OSError, TypeError):  # pragma: no cover - source not shipped
        return {}
    docs: dict[str, str] = {}
    body = tree.body[0].body if tree.body and isinstance(tree.body[0], ast.ClassDef) else []
    for node, after in itertools.pairwise(body):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) \
                and isinstance(after.value.value, str):
            docs[node.target.id] = " ".join(after.value.value.split())
    return docs


def _type_schema(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """Return the JSON Schema of a field type, adding dataclasses to `defs` by name."""
    origin = get_origin(kind)
    if kind is str:
        return {"type": "string"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if kind is float:
        return {"type": "number"}
    if origin is Literal:
        return {"enum": list(get_args(kind))}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"enum": [m.value for m in kind]}
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        inner = _type_schema(options[0], defs) if len(options) == 1 else {
            "anyOf": [_type_schema(a, defs) for a in options]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type_schema(get_args(kind)[0], defs)}
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object_schema(_fields(kind), defs, kind)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for field type {kind!r}")  # a model change to handle here


def _object_schema(fields: list[tuple[dataclasses.Field[Any], Any]], defs: dict[str, Any],
                   cls: type | None = None) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for f, kind in fields:
        prop = _type_schema(kind, defs)
        owner = cls or _owner(f.name)
        if (doc := _doc(owner, f.name)) is not None:
            prop = {**prop, "description": doc}
        properties[f.name] = prop
    schema: dict[str, Any] = {"type": "object", "properties": properties,
                              "additionalProperties": False}
    required = [f.name for f, _ in fields if _required(f)]
    if required:
        schema["required"] = required
    if cls is not None and cls.__doc__:
        schema = {"description": " ".join(cls.__doc__.split()), **schema}
    return schema


def _owner(name: str) -> type:
    return Article if name in _ARTICLE_FIELDS else Briefing


def _top_fields() -> list[tuple[dataclasses.Field[Any], Any]]:
    """Return the fields of the flattened top level: the article's, then the analysis'."""
    return [*_fields(Article), *(fk for fk in _fields(Briefing) if fk[0].name != "article")]


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of `exporter inspect --json` output."""
    defs: dict[str, Any] = {}
    body = _object_schema(_top_fields(), defs)
    body["properties"] = {"schema": {"const": SCHEMA_VERSION,
                                     "description": "Version of this contract."},
                          **body["properties"]}
    body["required"] = ["schema", *body.get("required", [])]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(SCHEMA_VERSION),
        "title": "exporter briefing",
        "description": "An article as read and analysed by exporter (`exporter inspect --json`); "
                       "`exporter build` renders a file of this form as it stands.",
        **body,
        "$defs": dict(sorted(defs.items())),
    }


# --- from JSON back to the model --------------------------------------------------------------


_KIND_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false"}


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _convert(value: Any, kind: Any, path: str) -> Any:
    """Return `value` (parsed JSON) as the model type `kind`; raise `ContractError`."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(kind) if a is not type(None)]
        if value is None:
            if len(options) < len(get_args(kind)):
                return None
            raise ContractError(path, f"expected {_describe(kind)}, not null")
        return _convert(value, options[0], path)
    if kind in _KIND_NAMES:
        ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not ok:
            raise ContractError(path, f"expected {_KIND_NAMES[kind]}")
        return value
    if origin is Literal:
        allowed = get_args(kind)
        if value not in allowed or isinstance(value, bool):
            raise ContractError(path, "expected one of " + ", ".join(map(json.dumps, allowed)))
        return value
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:
            names = ", ".join(json.dumps(m.value) for m in kind)
            raise ContractError(path, f"expected one of {names}") from None
    if origin is tuple:
        if not isinstance(value, list):
            raise ContractError(path, "expected a list")
        item = get_args(kind)[0]
        return tuple(_convert(v, item, _at(path, i)) for i, v in enumerate(value))
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return kind(**_object(value, _fields(kind), path))
    raise TypeError(f"cannot read field type {kind!r}")  # pragma: no cover - a model change


def _describe(kind: Any) -> str:
    if kind in _KIND_NAMES:
        return _KIND_NAMES[kind]
    if get_origin(kind) is tuple:
        return "a list"
    return "an object" if dataclasses.is_dataclass(kind) else "a value"


def _object(value: Any, fields: list[tuple[dataclasses.Field[Any], Any]],
            path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ContractError(path, "expected an object")
    known = {f.name: (f, kind) for f, kind in fields}
    for key in value:
        if key not in known:
            raise ContractError(_at(path, str(key)), "unknown field")
    out: dict[str, Any] = {}
    for name, (f, kind) in known.items():
        if name in value:
            out[name] = _convert(value[name], kind, _at(path, name))
        elif _required(f):
            raise ContractError(_at(path, name), "missing")
    return out


def from_data(data: Any) -> Briefing:
    """Return the briefing a `to_data` dict describes; raise `ContractError` where it does not.

    `from_data(to_data(b)) == b` for every briefing `b`: building from the JSON renders
    exactly what building the article did.
    """
    if not isinstance(data, dict):
        raise ContractError("", "expected a JSON object at the top level")
    if "schema" not in data:
        raise ContractError("schema", "missing")
    if data["schema"] != SCHEMA_VERSION or isinstance(data["schema"], bool):
        raise ContractError("schema", f"expected {SCHEMA_VERSION} (this version of exporter "
                                      f"reads briefing files of schema {SCHEMA_VERSION})")
    rest = {k: v for k, v in data.items() if k != "schema"}
    values = _object(rest, _top_fields(), "")
    article = Article(**{k: values[k] for k in _ARTICLE_FIELDS if k in values})
    return Briefing(article=article, **{k: values[k] for k in _BRIEFING_FIELDS if k in values})


def read_briefing(data: bytes, display: str) -> Briefing:
    """Return the briefing in the JSON file `data`; raise `SourceError` naming the JSON path."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise SourceError(display, "briefing JSON is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise SourceError(display, f"invalid JSON: {exc.msg}", line=exc.lineno) from exc
    try:
        return from_data(parsed)
    except ContractError as exc:
        raise SourceError(display, f"invalid briefing: {exc}") from exc
    except RecursionError as exc:
        raise SourceError(display, "invalid briefing: nested too deeply") from exc


__all__ = ["ContractError", "from_data", "json_schema", "looks_like_briefing", "read_briefing"]
