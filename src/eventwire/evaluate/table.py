"""An evaluation report as readable tables: each figure with its value and 95% interval, then
each breakdown (by type, by rule) as a table of its own, a row per type."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

_COUNTS = ("pages", "dyads", "sentences", "documents", "split", "failures")  # shown in the heading


def _is_breakdown(value: Any) -> bool:
    return (
        isinstance(value, Mapping)
        and bool(value)
        and all(isinstance(v, Mapping) for v in value.values())
    )


def _figures(report: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(path, value) of every scalar figure outside breakdowns, nested dicts as "a/b" paths."""
    for name, value in report.items():
        path = f"{prefix}{name}"
        if name == "intervals" or isinstance(value, list) or _is_breakdown(value):
            continue
        if isinstance(value, Mapping):
            yield from _figures(value, f"{path}/")
        elif prefix or name not in _COUNTS:
            yield path, value


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return str(value)


def _interval(intervals: Mapping[str, list[float]], path: str) -> str:
    found = intervals.get(path)
    return f"{_cell(found[0])}-{_cell(found[1])}" if found else ""


def _aligned(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for k, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def render_table(task: str, report: Mapping[str, Any]) -> str:
    """The report as aligned plain-text tables, in the report's order."""
    heading = ", ".join(f"{n} {report[n]}" for n in _COUNTS if n in report)
    intervals = report.get("intervals") or {}
    rows = [["figure", "value", "95% interval"]]
    rows += [[p.replace("/", " "), _cell(v), _interval(intervals, p)] for p, v in _figures(report)]
    lines = [f"eventwire eval {task}: {heading}", "", *_aligned(rows)]
    for name, breakdown in report.items():
        if not _is_breakdown(breakdown):
            continue
        columns = list(dict.fromkeys(c for row in breakdown.values() for c in row))
        header = [name.replace("_", " ")]
        for column in columns:
            header.append(column)
            if any(f"{name}/{key}/{column}" in intervals for key in breakdown):
                header.append("95% interval")
        table = [header]
        for key, row in breakdown.items():
            cells = [str(key)]
            for column in columns:
                cells.append(_cell(row.get(column)))
                if any(f"{name}/{k}/{column}" in intervals for k in breakdown):
                    cells.append(_interval(intervals, f"{name}/{key}/{column}"))
            table.append(cells)
        lines += ["", *_aligned(table)]
    return "\n".join(lines)
