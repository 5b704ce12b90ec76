"""The one database worker: a single thread owns the unlocked case file (as Anki's taskman does).

The window never touches the store. It submits operations, `op(store) -> result`, which run one
after the other on the worker thread; `success(result)` or `failure(error)` is then called on the
GUI thread. One connection, one writer, and a slow disk or an unreachable share never freezes
the window.

- An operation that the user can outrun (search as you type, the case shown) names a `channel`:
  each new operation on it makes the earlier ones stale. A stale operation that has not started
  is skipped and a stale answer is dropped, so the newest answer is the one shown.
- Long work (an import, the watched folder) reports progress and polls a cancel flag
  (`run_job`); a modal progress dialog over it is `widgets.progress.run_with_progress`.
- Locking calls `close()`: it waits for the operations already queued (a save of typed text
  among them), closes the store on the worker thread and forgets it. Answers still on their
  way are dropped, so no case data reaches a locked window; operations submitted while no case
  file is open are dropped too.

Objects of the window must only ever be destroyed on the GUI thread. Callbacks therefore never
travel to the worker: they wait on this side in a registry by task number, and the worker hands
back only plain answers (a result, an error with its frames cleared, a progress count) with that
number. The worker lets go of an operation before it publishes its answer, so the last reference
to anything an operation captured is always dropped here.
"""

from __future__ import annotations

import itertools
import queue
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.services import casefile

if TYPE_CHECKING:
    from desktop.services.casefile import Store

T = TypeVar("T")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Failure = Callable[[BaseException], None]
Outcome = Literal["done", "failed", "skipped", "progress"]


@dataclass
class _Task:
    """What the GUI side keeps of a submitted operation until its answer is delivered."""

    op: Callable[..., Any] | None
    success: Callable[[Any], None] | None = None
    failure: Failure | None = None
    progress: Progress | None = None
    channel: str | None = None
    generation: int = 0


@dataclass(frozen=True)
class _Order:
    """What goes through the queue to the worker thread."""

    kind: Literal["op", "open", "close", "stop"]
    number: int = 0
    op: Callable[..., Any] | None = None
    channel: str | None = None
    generation: int = 0
    done: threading.Event | None = None


class DbWorker(QObject):
    """Runs operations on the case file in one background thread, in the order submitted.

    `errors(error)` is called on the GUI thread for a failure that has no `failure` callback of
    its own (the shell shows it in a message box).
    """

    _answers_waiting = Signal()
    closed = Signal()  # after close(): the case file is closed and forgotten

    def __init__(self, parent: QObject | None = None, *, errors: Failure | None = None) -> None:
        super().__init__(parent)
        self.errors = errors
        self._queue: queue.Queue[_Order] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._store: Store | None = None  # used on the worker thread only
        self._open = False  # the GUI thread's view: a case file is attached or being opened
        self._numbers = itertools.count(1)
        self._tasks: dict[int, _Task] = {}  # submitted, answer not yet delivered (GUI side)
        self._generations: dict[str, int] = {}
        self._answers: list[tuple[int, Outcome, Any]] = []  # from the worker, under _lock
        self._lock = threading.Lock()
        self._jobs: set[threading.Event] = set()  # the cancel flags of the jobs running
        self._modal_jobs: set[threading.Event] = set()  # those behind a progress dialog
        self._answers_waiting.connect(self._deliver_answers)

    # -- state --------------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """True while a case file is attached (unlocked) or being opened."""
        return self._open

    @property
    def running_job(self) -> bool:
        """True while a job behind a progress dialog runs (the idle lock waits for it)."""
        return bool(self._modal_jobs)

    def is_idle(self) -> bool:
        """True when every operation submitted has run and its answer has been delivered."""
        return not self._tasks

    # -- opening and closing ------------------------------------------------------------------

    def attach(self, store: Store) -> None:
        """Hand an open store to the worker; from now on only the worker thread uses it."""
        self._begin()
        self._submit("open", lambda: store, _Task(None))

    def open(
        self, opener: Callable[[], Store], success: Callable[[], None], failure: Failure
    ) -> None:
        """Open a case file on the worker thread: `opener()` unlocks it (Argon2id takes time)."""
        self._begin()

        def failed(error: BaseException) -> None:
            self._open = False
            failure(error)

        self._submit("open", opener, _Task(None, lambda _none: success(), failed))

    def close(self) -> None:
        """Wait for the operations queued, close the store on the worker thread, forget it.

        Blocks the GUI thread until then: locking must not leave the file open. A long job is
        asked to stop first. Answers not yet delivered are dropped.
        """
        for flag in self._jobs:
            flag.set()
        if self._thread is not None and self._thread.is_alive():
            done = threading.Event()
            self._queue.put(_Order("close", done=done))
            done.wait()
        self._open = False
        self._generations.clear()
        self._jobs.clear()
        self._modal_jobs.clear()
        with self._lock:
            self._answers = []
        self._tasks.clear()  # here, on the GUI thread: the callbacks go with it
        self.closed.emit()

    def shutdown(self) -> None:
        """Close the case file and end the thread (the window goes away)."""
        self.close()
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_Order("stop"))
            self._thread.join()
        self._thread = None

    # -- operations ---------------------------------------------------------------------------

    def run(
        self,
        op: Callable[[Store], T],
        success: Callable[[T], None] | None = None,
        failure: Failure | None = None,
        *,
        channel: str | None = None,
    ) -> None:
        """Run `op(store)` on the worker thread; its answer goes to `success` on this thread.

        With a `channel`, only the newest operation on it answers. While no case file is open
        the operation is dropped.
        """
        if not self._open:
            return
        generation = 0
        if channel is not None:
            generation = self._generations.get(channel, 0) + 1
            self._generations[channel] = generation
        self._submit("op", op, _Task(None, success, failure, None, channel, generation))

    def run_job(
        self,
        job: Callable[[Store, Progress, Cancelled], T],
        success: Callable[[T], None] | None = None,
        failure: Failure | None = None,
        *,
        progress: Progress | None = None,
        stop: threading.Event | None = None,
        modal: bool = False,
    ) -> threading.Event:
        """A long `job(store, progress, cancelled)`: progress reaches `progress` on this thread
        (changes only), and the returned event, once set, is what `cancelled()` reports.

        A `modal` job (behind a progress dialog) holds off the idle lock until it ends; a
        background job (the watched folder) is asked to stop when the file is locked.
        """
        flag = stop or threading.Event()
        if not self._open:
            return flag
        number = next(self._numbers)
        last = [(-1, -1)]

        def report(done: int, total: int) -> None:  # on the worker thread: plain numbers only
            if (done, total) != last[0]:
                last[0] = (done, total)
                self._publish(number, "progress", (done, total))

        def ended(handler: Callable[[Any], None] | None) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self._jobs.discard(flag)
                self._modal_jobs.discard(flag)
                if handler is not None:
                    handler(value)
                elif isinstance(value, BaseException):
                    self.report(value)

            return call

        self._jobs.add(flag)
        if modal:
            self._modal_jobs.add(flag)
        is_set = flag.is_set
        task = _Task(None, ended(success), ended(failure), progress)
        self._submit("op", lambda store: job(store, report, is_set), task, number)
        return flag

    def report(self, error: BaseException) -> None:
        """Show a failure the way failures without a handler of their own are shown."""
        if self.errors is not None:
            self.errors(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    # -- submitting (GUI thread) --------------------------------------------------------------

    def _begin(self) -> None:
        if self._open:
            raise RuntimeError("a case file is already open in this worker")
        self._open = True

    def _submit(
        self, kind: Literal["op", "open"], op: Callable[..., Any], task: _Task, number: int = 0
    ) -> None:
        number = number or next(self._numbers)
        task.op = op  # kept here as well: the worker's reference is never the last one
        self._tasks[number] = task
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="case-file", daemon=True)
            self._thread.start()
        self._queue.put(_Order(kind, number, op, task.channel, task.generation))

    # -- the worker thread --------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            order: _Order | None = self._queue.get()
            assert order is not None
            if order.kind == "stop":
                return
            if order.kind == "close":
                store, self._store = self._store, None
                try:
                    if store is not None:
                        casefile.close(store)
                finally:
                    assert order.done is not None
                    order.done.set()
                continue
            number = order.number
            outcome, value = self._execute(order)
            order = None  # let go of the operation before its answer can be delivered
            if isinstance(value, BaseException):  # its frames may hold what the op captured
                traceback.clear_frames(value.__traceback__)
            self._publish(number, outcome, value)

    def _execute(self, order: _Order) -> tuple[Outcome, Any]:
        if order.channel is not None and self._generations.get(order.channel) != order.generation:
            return "skipped", None  # stale: a newer operation on its channel is queued
        assert order.op is not None
        try:
            if order.kind == "open":
                self._store = order.op()
                return "done", None
            if self._store is None:
                raise RuntimeError("no case file is open in the worker")
            return "done", order.op(self._store)
        except BaseException as error:  # handed to the GUI thread, shown there
            return "failed", error

    def _publish(self, number: int, outcome: Outcome, value: Any) -> None:
        """Hand an answer (plain data: a result, an error, a count) to the GUI thread."""
        with self._lock:
            self._answers.append((number, outcome, value))
        self._answers_waiting.emit()

    # -- delivering (GUI thread) --------------------------------------------------------------

    def _deliver_answers(self) -> None:
        with self._lock:
            answers, self._answers = self._answers, []
        for number, outcome, value in answers:
            try:
                self._deliver(number, outcome, value)
            except Exception:  # a callback failed: say so, and deliver the other answers
                sys.excepthook(*sys.exc_info())

    def _deliver(self, number: int, outcome: Outcome, value: Any) -> None:
        if outcome == "progress":
            task = self._tasks.get(number)
            if task is not None and task.progress is not None and _alive(task.progress):
                task.progress(*value)
            return
        task = self._tasks.pop(number, None)
        if task is None or outcome == "skipped":
            return  # dropped by a lock meanwhile, or stale
        if task.channel is not None and self._generations.get(task.channel) != task.generation:
            return  # a newer operation on the channel was submitted after this one started
        if outcome == "done":
            if task.success is not None and _alive(task.success):
                task.success(value)
        elif task.failure is not None:
            if _alive(task.failure):
                task.failure(value)
        else:
            self.report(value)


def _alive(callback: Callable[..., Any]) -> bool:
    """False for a method of a Qt object that is gone (a dialog closed while it waited)."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
