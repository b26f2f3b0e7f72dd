"""The template sandbox with budgets: Jinja2's immutable sandbox, plus bounds on what a
template can make the machine do.

Jinja2's sandbox stops code (no attribute walks, no mutation), not work: `9**(9**9)`,
`'x' * 10**10`, nested `range(100000)` loops, `lipsum(10**6)` and a macro calling itself twice
hang or allocate gigabytes. Here arithmetic is intercepted so integers, strings and lists stay
small, every `range` and call spends from one budget per render, and `lipsum` is capped. Running
out raises `SandboxLimit`, a `SecurityError`, so it reaches the user as a one-line template error
with the template's name and line.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterator
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum

MAX_INT_BITS = 10_000
"""Largest integer arithmetic may make (about 3,000 digits)."""
MAX_SEQUENCE = 1_000_000
"""Longest string or list `*` and `+` may make."""
MAX_STEPS = 5_000_000
"""Most `range` items and calls one render may spend, all loops and macros together."""
MAX_LIPSUM = 100
"""Most paragraphs `lipsum` may make."""


class SandboxLimit(SecurityError):
    """A template asked for more work or memory than the sandbox allows."""


class Budget:
    """The steps left to one render."""

    def __init__(self, steps: int | None = None) -> None:
        self.steps = MAX_STEPS if steps is None else steps
        self.left = self.steps

    def spend(self, steps: int = 1) -> None:
        """Take `steps` from the budget; raise `SandboxLimit` once it is spent."""
        self.left -= steps
        if self.left < 0:
            raise SandboxLimit(f"the template does more than {self.steps:,} loop steps and "
                               "calls (a loop or a macro without end?)")


_current = threading.local()


def budget() -> Budget:
    """Return the budget of the render running on this thread (a fresh one outside any)."""
    found: Budget | None = getattr(_current, "budget", None)
    return found if found is not None else Budget()


class Spending:
    """Give the renders inside a `with` block one fresh budget (restoring the previous after).

    Renders are generators: one suspended while another runs on the same thread shares the
    later one's budget until it ends, which can only make the bound tighter, never lift it.
    """

    def __enter__(self) -> Budget:
        self.saved: Budget | None = getattr(_current, "budget", None)
        fresh = _current.budget = Budget()
        return fresh

    def __exit__(self, *exc: object) -> None:
        _current.budget = self.saved


class _BoundedRange:
    """`range`, spending one step of the render's budget per item a loop takes."""

    def __init__(self, *args: int) -> None:
        self.numbers = range(*args)
        if len(self.numbers) > MAX_STEPS:
            raise SandboxLimit(f"range of {len(self.numbers):,} items; the limit is "
                               f"{MAX_STEPS:,}")

    def __iter__(self) -> Iterator[int]:
        spend = budget().spend
        for number in self.numbers:
            spend()
            yield number

    def __len__(self) -> int:
        return len(self.numbers)

    def __getitem__(self, index: int) -> int:
        return self.numbers[index]

    def __contains__(self, value: object) -> bool:
        return value in self.numbers


def _bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    """`lipsum`, with at most `MAX_LIPSUM` paragraphs of at most 1,000 words."""
    if n > MAX_LIPSUM or max > 1_000:
        raise SandboxLimit(f"lipsum of more than {MAX_LIPSUM} paragraphs or 1,000 words each")
    return str(generate_lorem_ipsum(n=n, html=html, min=min, max=max))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _size(value: object) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _check_power(base: Any, exponent: Any) -> None:
    if _is_int(base) and _is_int(exponent) and exponent > 0 and abs(base) > 1:
        bits = exponent * math.log2(abs(base))
        if bits > MAX_INT_BITS:
            raise SandboxLimit(f"a power of about {bits:,.0f} bits; the limit is "
                               f"{MAX_INT_BITS:,}")


def _check_times(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise SandboxLimit(f"a product of more than {MAX_INT_BITS:,} bits")
        return
    for sequence, count in ((left, right), (right, left)):
        size = _size(sequence)
        if size is not None and _is_int(count) and size * count > MAX_SEQUENCE:
            raise SandboxLimit(f"a repeated string or list of {size * count:,} items; the "
                               f"limit is {MAX_SEQUENCE:,}")


def _check_plus(left: Any, right: Any) -> None:
    if _is_int(left) and _is_int(right):
        if max(left.bit_length(), right.bit_length()) >= MAX_INT_BITS:
            raise SandboxLimit(f"a sum of more than {MAX_INT_BITS:,} bits")
        return
    sizes = (_size(left), _size(right))
    if sizes[0] is not None and sizes[1] is not None and sizes[0] + sizes[1] > MAX_SEQUENCE:
        raise SandboxLimit(f"a joined string or list of {sizes[0] + sizes[1]:,} items; the "
                           f"limit is {MAX_SEQUENCE:,}")


# A field width in a %-format or a str.format spec: `%0999999999d`, `{:>999999999}`.
_WIDE = re.compile(r"%[-#0 +]*\d{7,}|\{[^{}]*:[^{}]*\d{7,}")


def _check_widths(*args: Any) -> None:
    """Refuse the padding and format widths that would make a string past `MAX_SEQUENCE`."""
    for arg in args:
        if (_is_int(arg) and arg > MAX_SEQUENCE) or (isinstance(arg, str) and _WIDE.search(arg)):
            raise SandboxLimit(f"a width or count past {MAX_SEQUENCE:,} characters")


def _check_format(left: Any, right: Any) -> None:
    if isinstance(left, str):
        _check_widths(left, *(right if isinstance(right, tuple) else (right,)))


_CHECKS = {"**": _check_power, "*": _check_times, "+": _check_plus, "%": _check_format}
_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format",
                              "format_map"})
_PADDING_FILTERS = ("center", "indent", "format", "wordwrap", "truncate")
_DICT_ATTRIBUTES = frozenset(dir(dict))
"""Every attribute a plain dict has: its class's and `object`'s (a dict has none of its own)."""


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox whose arithmetic, loops, calls and `lipsum` are bounded."""

    intercepted_binops = frozenset(_CHECKS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _BoundedRange
        self.globals["lipsum"] = _bounded_lipsum
        for name in _PADDING_FILTERS:
            self.filters[name] = _checked(self.filters[name])

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        _CHECKS[operator_name](left, right)
        return self.binop_table[operator_name](left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any,
             **kwargs: Any) -> Any:
        budget().spend()
        if getattr(__obj, "__name__", None) in _PADDING_METHODS:
            _check_widths(*args, *kwargs.values())
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            # `article.title` on the plain data templates get: Jinja2 tries the attribute
            # first, which a dict lacks, and raising and catching that AttributeError was most
            # of the lookup (~1,100 of them an article). Straight to the item, as it then does.
            try:
                return obj[attribute]
            except (TypeError, LookupError):
                return self.undefined(obj=obj, name=attribute)
        if isinstance(obj, str) and attribute in ("format", "format_map"):
            _check_widths(obj)  # the widths of `'{:>999999999}'.format(…)` are in the string
        return super().getattr(obj, attribute)


def _checked(function: Any) -> Any:
    """Return the filter `function` refusing widths past `MAX_SEQUENCE` in its arguments."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_widths(*args[1:], *kwargs.values())
        return function(*args, **kwargs)

    for attribute in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(function, attribute):
            setattr(bounded, attribute, getattr(function, attribute))
    return bounded


__all__ = ["MAX_INT_BITS", "MAX_LIPSUM", "MAX_SEQUENCE", "MAX_STEPS", "BoundedSandbox",
           "SandboxLimit", "Spending", "budget"]
