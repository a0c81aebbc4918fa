"""Compatibility: the grip rule now lives in the diary core (`twitchguide.diary.strength`)."""

from twitchguide.diary.strength import (
    CHECK_SPACING_DAYS,
    GripDecline,
    HandTrend,
    days_since_previous_check,
    grip_decline,
    minimal_detectable_change,
)

__all__ = [
    "CHECK_SPACING_DAYS",
    "GripDecline",
    "HandTrend",
    "days_since_previous_check",
    "grip_decline",
    "minimal_detectable_change",
]
