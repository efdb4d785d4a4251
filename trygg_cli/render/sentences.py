"""Swedish sentences about what a document holds: goals and indicators, the sources it
rests on, extensions of its period, recorded completions and its sub-areas.

Like ``words`` (dates, cadences, periods) these are the words of a Swedish public document,
written the way agreements write them: "Utgångsläge: 62 % (2019). Mål: 70 % (2024).",
"Polisens trygghetsmätning 2019", "till och med 30 juni 2025 (beslut KS 2024-04-02 § 55)",
"Genomförd 2022 (KS 2022/118).", "Fyra prioriterade områden med sju underområden.",
"15 november 2018 av Erik Nord (Polisområdeschef Storgöteborg) och Eva Hessman (…)"
"""

from __future__ import annotations

from collections.abc import Sequence

from trygg_cli.model.common import Extension, Measure, Signatory, Source
from trygg_cli.model.documents import Indicator, Priority
from trygg_cli.model.schedule import Completion, Schedule
from trygg_cli.render.words import joined, long_date, number, occasion, sentence


def _in_brackets(notes: Sequence[str]) -> str:
    return f" ({', '.join(notes)})" if notes else ""


def completion(done: Completion) -> str:
    """'Genomförd 2022 (KS 2022/118).', 'Genomförd 15 januari 2022 (avser 2021).' — the
    occasion it stands for when that is not its own year, where its report is, and its
    note as a sentence of its own."""
    when = long_date(done.date) if done.date is not None else str(done.year)
    notes = []
    # The occasion it stands for, when that is not the one of its own date or year.
    if done.occurrence is not None and done.occurrence not in (done.date, done.done_year):
        notes.append(f"avser {occasion(done.occurrence)}")
    if done.report:
        notes.append(done.report)
    said = f"Genomförd {when}{_in_brackets(notes)}."
    return f"{said} {sentence(done.note)}" if done.note else said


def completions(schedule: Schedule) -> str:
    """The schedule's recorded occasions, one sentence each, in the order written."""
    return " ".join(completion(done) for done in schedule.done)


def extension(value: Extension) -> str:
    """'till och med 30 juni 2025 (beslut KS 2024-04-02 § 55)': what follows "Förlängd"."""
    said = [value.decision] if value.decision else []
    if value.decided is not None and (
        value.decision is None or value.decided.isoformat() not in value.decision
    ):
        said.append(long_date(value.decided))
    decided = f" (beslut {', '.join(said)})" if said else ""
    return f"till och med {long_date(value.until)}{decided}"


def measure(value: Measure | str) -> str:
    """'62 % (2019)', '1 250 anmälningar (2022)', '3,5 %'; text is kept as written."""
    if isinstance(value, str):
        return value
    if value.value.is_integer():
        shown = f"{int(value.value):,}".replace(",", " ")
    else:
        shown = f"{value.value:.6g}".replace(".", ",")
    if value.unit:
        shown = f"{shown} {value.unit}"
    return f"{shown} ({value.year})" if value.year is not None else shown


def indicator(value: Indicator) -> str:
    """'Andel som känner sig trygga. Källa: SCB. Utgångsläge: 62 % (2019). Mål: 70 % (2024).'"""
    parts = [sentence(value.description)]
    if value.source is not None:
        parts.append(sentence(f"Källa: {value.source}"))
    if value.baseline is not None:
        parts.append(sentence(f"Utgångsläge: {measure(value.baseline)}"))
    if value.target is not None:
        parts.append(sentence(f"Mål: {measure(value.target)}"))
    return " ".join(parts)


def source(value: Source) -> str:
    """'Polisens trygghetsmätning 2019'; its date or year added when the title lacks it."""
    if value.date is not None and value.date.isoformat() not in value.title:
        return f"{value.title} ({long_date(value.date)})"
    if value.year is not None and str(value.year) not in value.title:
        return f"{value.title} ({value.year})"
    return value.title


def serves(titles: Sequence[str]) -> str:
    """'Gäller det prioriterade området Trygg stadskärna.' — the priorities a goal serves."""
    if len(titles) == 1:
        return f"Gäller det prioriterade området {titles[0]}."
    return f"Gäller de prioriterade områdena {joined(titles)}."


def areas(priorities: Sequence[Priority]) -> str:
    """'Fyra prioriterade områden med sju underområden.'"""
    count = len(priorities)
    subs = sum(len(priority.sub_priorities) for priority in priorities)
    main = "ett prioriterat område" if count == 1 else f"{number(count)} prioriterade områden"
    under = "ett underområde" if subs == 1 else f"{number(subs)} underområden"
    return sentence(f"{main} med {under}")


def signed_by(signatories: Sequence[Signatory]) -> str:
    """Who has signed, and when: '15 november 2018 av Erik Nord (Polisområdeschef
    Storgöteborg) och Eva Hessman (Stadsdirektör Göteborgs Stad)'; with a date each when
    they signed on different days; '' when nobody has signed."""
    signed = [s for s in signatories if s.signed is not None]

    def who(s: Signatory) -> str:
        return f"{s.name} ({s.title})" if s.name else s.title

    days = {s.signed for s in signed}
    if len(days) == 1:
        (day,) = days
        assert day is not None
        return f"{long_date(day)} av {joined([who(s) for s in signed])}"
    return joined([f"{who(s)} {long_date(s.signed)}" for s in signed if s.signed is not None])
