"""Page 1's sentences and rows, written once for the PDF and the HTML report alike."""

from __future__ import annotations

from twitchguide.reports.build import WEAKNESS_FACTS
from twitchguide.reports.model import Report
from twitchguide.wording import counted

_SHORT = {
    "weakness": "weakness or a failed heel/toe walk",
    "muscle_wasting": "a muscle looks thinner",
    "trouble_swallowing": "trouble swallowing",
    "trouble_speaking": "trouble speaking",
    "trouble_breathing": "short of breath at rest",
    "face_drooping": "face drooping",
}


def weakness_headline(report: Report) -> str:
    """The answer to "is there weakness, and is it getting worse?" in one or two sentences."""
    w = report.weakness
    yes = [
        a for a in w.answers if a.answer == "yes" and a.fact in WEAKNESS_FACTS - {"grip_decline"}
    ]
    parts = []
    if yes:
        parts.append("Reported: " + "; ".join(_SHORT.get(a.fact, a.fact) for a in yes) + ".")
    if w.grip_flagged:
        hands = " and ".join(s.hand for s in w.grip if s.declined)
        parts.append(f"Grip ({hands}) below the noise band on the last 2 check days.")
    if parts:
        return " ".join(parts)
    words = "No weakness reported in this period"
    grip = next((a for a in w.answers if a.fact == "grip_decline"), None)
    if w.strength_checks and grip is not None and grip.answer == "too few checks":
        words += (
            f"; {counted(w.strength_checks, 'strength check')}, too few to see a grip trend "
            "(the rule needs 3 check days)."
        )
    elif w.strength_checks:
        words += (
            ", and grip stayed within measurement noise "
            f"({counted(w.strength_checks, 'strength check')})."
        )
    else:
        words += ". No strength checks were logged."
    if any(a.answer == "yes" for a in w.answers):
        words += " Other answers below."
    return words


def course_lines(report: Report) -> list[str]:
    """When twitching started, how much, and the trend, in plain sentences."""
    c = report.course
    lines = []
    if c.first_episode is None:
        lines.append("No twitch episodes logged yet.")
    else:
        days = (report.end - c.first_episode).days
        since = counted(days, "day") if days < 14 else counted(days // 7, "week")
        lines.append(
            f"First logged twitch: {c.first_episode.isoformat()} "
            f"({since} before the end of the period)."
        )
    rate = f"; about {c.per_logged_day:.1f} a logged day" if c.per_logged_day is not None else ""
    lines.append(
        f"{counted(c.episodes, 'episode')} on {c.days_logged} of {c.days_in_period} days "
        f"logged{rate}."
    )
    if c.trend:
        lines.append(c.trend)
    if c.recent:
        lines.append(c.recent)
    return lines


def medicine_rows(report: Report) -> list[tuple[str, str, str, str, str]]:
    """Current courses first, each as name, kind, dose, started and ended (or 'still taking')."""
    return [
        (
            m.name,
            m.kind,
            m.dose,
            m.started_on.isoformat(),
            "still taking" if m.ended_on is None else m.ended_on.isoformat(),
        )
        for m in report.medicines
    ]


def weakness_alert(report: Report) -> bool:
    """Whether any sign of weakness is in the diary: the weakness box is then drawn in red."""
    w = report.weakness
    return w.grip_flagged or any(a.answer == "yes" and a.fact in WEAKNESS_FACTS for a in w.answers)
