"""Dates a spreadsheet leaked as serial numbers: "44,561" is 2021-12-31.

A cell copied from a spreadsheet whose date format was lost shows the date's serial
number (days since 1899-12-30) in the grouped number format (#,##0). The parser reads
such a cell as that date only when that is the likely story: the whole cell is a grouped
integer, no unit column names a unit, and the serial falls on the last day of a month
(deadlines are month ends) in the fiscal year or the years next to it, or in 2000-2049
when the fiscal year is unknown. Any other number stays a number.
"""

from __future__ import annotations

import datetime as dt
import re

_GROUPED = re.compile(r"\d{2},\d{3}")
_EPOCH = dt.date(1899, 12, 30)
_YEARS_WITHOUT_FISCAL_YEAR = range(2000, 2050)


def serial_date(text: str, year: int | None) -> dt.date | None:
    """The month-end date a grouped serial number stands for, or None."""
    if not _GROUPED.fullmatch(text):
        return None
    date = _EPOCH + dt.timedelta(days=int(text.replace(",", "")))
    years = _YEARS_WITHOUT_FISCAL_YEAR if year is None else range(year - 1, year + 2)
    if date.year not in years or (date + dt.timedelta(days=1)).day != 1:
        return None
    return date
