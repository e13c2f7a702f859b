"""Use-cases of looking back: the progress charts' data, the reassessment due, the text report.

A mixin of JournalService (services.py), which gives it the store, the clock, the week and the advice.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from hamjournal.domain.advice.report import AdviceReport
    from hamjournal.domain.progress.data import ChartBuilder, ProgressData
    from hamjournal.domain.week import WeekView
    from hamjournal.store.repo import Store


class ReportingMixin:
    """Progress, reassessment and the report of one athlete's journal."""

    store: Store
    # The last data of each range, keyed by (today, the store's write count, the charts asked for): a second
    # visit of the progress screen shows it at once, as the Advice screen shows the strip's advice.
    _progress_cache: dict[str, tuple[tuple[dt.date, int, tuple[str, ...]], ProgressData]]

    if TYPE_CHECKING:

        def today(self) -> dt.date: ...

        def week(self, day: dt.date | None = None) -> WeekView: ...

        def advice(self) -> AdviceReport: ...

    # -- progress, reassessment and the report -------------------------------------------------------

    def progress_series(self, range_key: str, charts: Mapping[str, ChartBuilder]) -> ProgressData:
        """The data of each chart in `charts` (name -> build function) for a range ("12w", "6m", "1y", "all"):
        only that window is read (and kept for cached_progress).
        """
        # The write count before the read: data read while a write lands is keyed with the older count.
        key = (self.today(), self.store.changes, tuple(charts))
        data = self._read_progress(range_key, charts)
        self._progress_cache[range_key] = (key, data)
        return data

    def cached_progress(self, range_key: str, charts: Mapping[str, ChartBuilder]) -> ProgressData | None:
        """The range's data as last read, when nothing was written since and it is the same day; reads nothing."""
        cached = self._progress_cache.get(range_key)
        if cached is None or cached[0] != (self.today(), self.store.changes, tuple(charts)):
            return None
        return cached[1]

    def _read_progress(self, range_key: str, charts: Mapping[str, ChartBuilder]) -> ProgressData:
        """What progress_series returns, read from the store.

        A window of up to MAX_CHART_POINTS days is read a row per day; a longer one a row per week, summed in
        SQL, plus the days of the recent load-ratio window: what is read is bounded by what the chart shows.
        """
        from hamjournal.domain.progress import ranges
        from hamjournal.domain.progress.data import build_progress
        from hamjournal.domain.progress.series import ACWR_WARMUP_DAYS, ROLLING_DAYS
        from hamjournal.store import series

        today = self.today()
        first = self.store.first_date()
        start, end = ranges.range_window(range_key, today, first)
        # Read by both kinds of window (named, not a `**` dict, so each keeps its type).
        assessments = series.assessments(self.store, start, end)
        plan_deload_days = series.deload_days(self.store, start, end)
        last_assessed = series.last_assessed(self.store, today)
        first_load_day = series.first_load_day(self.store, end)
        if not ranges.points_are_days(start, end):
            from hamjournal.domain.progress.from_weeks import inputs_from_weeks

            acwr_start = ranges.acwr_window_start(start, today)
            sprint_first, sprint_best = series.sprint_extremes(self.store, start, end)
            weekly = inputs_from_weeks(
                range_key,
                start,
                end,
                today,
                self.store.profile(),
                volumes=series.weekly_volume(self.store, start, end, exercise="nordic"),
                session_pain=series.weekly_session_pain(self.store, start, end),
                morning=series.weekly_checkins(self.store, start, end, when="morning"),
                runs=series.weekly_runs(self.store, start, end),
                recent_runs=series.daily_runs(self.store, acwr_start - dt.timedelta(days=ACWR_WARMUP_DAYS), end),
                sprint_first=sprint_first,
                sprint_best=sprint_best,
                assessments=assessments,
                plan_deload_days=plan_deload_days,
                last_assessed=last_assessed,
                first_logged=first,
                first_load_day=first_load_day,
            )
            return build_progress(weekly, charts)
        from hamjournal.domain.progress.from_days import inputs_from_days

        # Averages and the load ratio need a little history before the first day shown, not all of it.
        lead = start - dt.timedelta(days=ROLLING_DAYS - 1)
        warm = start - dt.timedelta(days=ACWR_WARMUP_DAYS)
        daily = inputs_from_days(
            range_key,
            start,
            end,
            today,
            self.store.profile(),
            volumes=series.daily_volume(self.store, start, end, exercise="nordic"),
            session_pain=series.daily_session_pain(self.store, lead, end),
            checkins=series.daily_checkins(self.store, lead, end),
            runs=series.daily_runs(self.store, warm, end),
            assessments=assessments,
            plan_deload_days=plan_deload_days,
            last_assessed=last_assessed,
            first_logged=first,
            first_load_day=first_load_day,
        )
        return build_progress(daily, charts)

    def reassessment_due(self) -> dt.date | None:
        """The date a reassessment became due (4 weeks after the last one), or None when none is due."""
        from hamjournal.domain.progress import markers
        from hamjournal.store import series

        today = self.today()
        return markers.reassessment_due(series.last_assessed(self.store, today), today, self.store.first_date())

    def report(self, weeks: int = 4) -> str:
        """The text report of the last `weeks` Monday weeks: adherence, volume, trends, assessments, advice."""
        from hamjournal.domain import report as report_
        from hamjournal.store import series

        today = self.today()
        start, end = report_.report_window(today, weeks)
        figures = report_.build_report(
            today,
            weeks,
            self.store.profile(),
            week_counts=[self.week(start + dt.timedelta(weeks=n)).counts() for n in range(weeks)],
            volumes=series.daily_volume(self.store, start, end),
            session_pain=series.daily_session_pain(self.store, start, end),
            checkins=series.daily_checkins(self.store, start, end),
            assessments=series.assessments(self.store, start, end),
            reassessment_due=self.reassessment_due(),
            advice=report_.advice_lines(self.advice()),
        )
        return report_.format_report(figures)
