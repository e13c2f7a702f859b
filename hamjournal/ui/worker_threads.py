"""The thread pool the app's `@work(thread=True)` workers run in."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any


class FreshContextExecutor(ThreadPoolExecutor):
    """Runs each job in a copy of the submitter's context, discarded when the job ends.

    Textual marks a thread worker as active by setting a context variable in the pool thread that runs it.
    A pool thread lives for the whole session, so it kept the last worker it ran, and through the worker
    its screen with every widget and cached chart, long after the screen had closed: each visit of the
    charts or the library added to memory until every pool thread had been used. With a context per job,
    nothing outlives the job.
    """

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return super().submit(contextvars.copy_context().run, fn, *args, **kwargs)
