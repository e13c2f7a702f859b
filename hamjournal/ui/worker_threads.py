"""The thread pool the app's `@work(thread=True)` workers run in."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.worker import Worker


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


def run_past_close(node: DOMNode, job: Callable[[], None], group: str) -> Worker[None]:
    """Run `job` in a thread worker owned by the app, not by `node`.

    Textual cancels a screen's workers when the screen closes. A dialog closes from inside its own save (the
    save's last step dismisses it) or when the runner hides it mid-import, so a worker owned by the dialog was
    sometimes marked cancelled after its entry had been written, and an import hidden with Esc lost its
    summary. Owned by the app, the job always ends as itself.
    """
    return node.app.run_worker(job, thread=True, group=group, exit_on_error=False)
