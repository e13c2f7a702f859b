"""Keys typed while a dialog opens (or saves) wait here, and reach the dialog in order once it is ready.

Why: Textual sends a key to the focused widget, else to the screen. A dialog pushed by one key has no focused
field until it has composed, so the next keys (`p 1 Tab 2 Enter` typed fast, or on a busy machine) went to the
dialog screen itself and were dropped, or a Tab moved the focus after the digit meant for the next field. The
gate closes when a key starts opening a dialog (before its data is read) and when a form starts saving; the
keys that arrive meanwhile are held and handed to the app again, one after the other, when the gate opens.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App

# Keys that always go through: quitting must work even if a dialog never came up.
PASS_THROUGH: frozenset[str] = frozenset({"ctrl+q", "ctrl+c"})


class GateBarrier(Message):
    """Sent through the focused widget after a key: it reaches the app after that key has been fully handled.

    Textual runs a widget's key bindings (Backspace in an input) only when the key has bubbled up to the app,
    hop by hop; a key forwarded next could be handled before it ("1 Backspace 2" giving "1"). Messages keep
    their order along the same path, so when this one reaches the app, every key before it is done.
    """

    def __init__(self, then: Callable[[], object]) -> None:
        super().__init__()
        self.then = then


# A barrier whose widget went away (Esc closed the dialog it was sent through) never arrives: after this long the
# next key goes anyway. A safety net only: in every ordinary case the barrier arrives within a frame.
LOST_BARRIER_S = 0.25


class KeyGate:
    """Holds keys while any owner keeps it closed, and paces every key: the next is handed to the app only once
    the one before it has been fully handled, so keys are handled in the order typed however fast they come."""

    def __init__(self, app: App[Any], deliver: Callable[[events.Key], Awaitable[None]]) -> None:
        # deliver: the app's own handling of a key, as if it had just arrived.
        self._app = app
        self._deliver = deliver
        self._owners: set[object] = set()
        self._held: deque[events.Key] = deque()
        self._in_flight: object | None = None  # the barrier awaited after the last key handed on
        self._scheduled = False

    @property
    def is_closed(self) -> bool:
        """True while some dialog is opening or saving."""
        return bool(self._owners)

    @property
    def held(self) -> int:
        """How many keys are waiting."""
        return len(self._held)

    def close(self, owner: object) -> None:
        """Hold keys from now on, until `owner` (and every other owner) opens the gate."""
        self._owners.add(owner)

    def open(self, owner: object) -> None:
        """`owner` is ready: once no owner holds the gate, the waiting keys are delivered."""
        self._owners.discard(owner)
        self._schedule()

    def discard(self, owner: object) -> int:
        """`owner` gave up (its dialog could not open): drop the waiting keys, open the gate; returns how many."""
        dropped = len(self._held)
        self._held.clear()
        self.open(owner)
        return dropped

    def hold(self, event: events.Key) -> bool:
        """Keep `event` if the gate is closed, a key is still being handled or older keys wait; True if kept.

        A key not kept is handled by the app at once; call `sent` after it."""
        if event.key in PASS_THROUGH:
            return False
        if self._owners or self._held or self._in_flight is not None:
            self._held.append(event)
            return True
        return False

    def sent(self) -> None:
        """The app handled a key itself: the next waits until this one has travelled through the widgets."""
        self._await_barrier()

    def after_pending_keys(self, then: Callable[[], object]) -> None:
        """Run `then` once the keys already given to the focused widget have been fully handled."""
        target = self._app.focused or self._app.screen
        target.post_message(GateBarrier(then))

    def _await_barrier(self) -> None:
        token = object()
        self._in_flight = token

        def arrived() -> None:
            if self._in_flight is token:
                self._in_flight = None
                self._schedule()

        self.after_pending_keys(arrived)
        self._app.set_timer(LOST_BARRIER_S, arrived)

    def _schedule(self) -> None:
        if not self._owners and self._held and self._in_flight is None and not self._scheduled:
            self._scheduled = True
            self._app.call_later(self._deliver_next)

    async def _deliver_next(self) -> None:
        self._scheduled = False
        if not self._held or self._owners or self._in_flight is not None:
            # Done, or a delivered key closed the gate again (Enter saving, `l` opening the next dialog): the
            # rest wait for that owner.
            return
        self._in_flight = object()  # no other key may start meanwhile
        await self._deliver(self._held.popleft())
        self._await_barrier()
