"""Swedish phrases as trygg's data: what agreements write, read back.

Agreements state their dates, periods and cadences in words: "gäller fr.o.m. datum för
underskrift tills vidare", "görs 2021 och därefter vartannat år", "cirka fyra gånger per
år". This package reads such words into the model's values (:class:`~trygg_cli.model.
schedule.Schedule`, :class:`~trygg_cli.model.common.Period`, :class:`~trygg_cli.model.
common.Term`), each with where in the text it stood, so that ``trygg import`` can fill a
draft and lint (TRY309) can compare a ``text:`` with its data. It never guesses: a phrase
it does not know gives nothing.

- :mod:`.dates`: "1 maj 2023", "den 15 november 2018", "2023-05-01", "maj 2023", "2023";
- :mod:`.periods`: "2023–2026", "fr.o.m. … t.o.m. …", "tills vidare", "under fyra år",
  "mandatperioden", "förlängs till …", "tills en ny överenskommelse ersätter den";
- :mod:`.cadences`: every shape of :class:`Schedule` in the words ``trygg render`` writes
  and the words the real agreements use;
- :mod:`.parties`: municipalities, police regions, areas and local police areas, and the
  common other actors;
- :mod:`.lists`: "består av a, b och c", "Polisen lovar att …".
"""

from __future__ import annotations

from trygg_cli.phrases.cadences import find_schedules, parse_schedule
from trygg_cli.phrases.dates import When, find_dates, parse_date
from trygg_cli.phrases.found import Found
from trygg_cli.phrases.periods import PeriodReading, read_period

__all__ = [
    "Found",
    "PeriodReading",
    "When",
    "find_dates",
    "find_schedules",
    "parse_date",
    "parse_schedule",
    "read_period",
]
