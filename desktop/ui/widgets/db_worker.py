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
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.services.casefile import Store

T = TypeVar("T")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Failure = Callable[[BaseException], None]


@dataclass
class _Task:
    """One entry of the queue: what to run and where its answer goes."""

    kind: Literal["op", "open", "close", "stop"]
    op: Callable[..., Any] = lambda *_: None
    success: Callable[[Any], None] | None = None
    failure: Failure | None = None
    epoch: int = 0
    channel: str | None = None
    generation: int = 0
    done: threading.Event = field(default_factory=threading.Event)


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
        self._queue: queue.Queue[_Task] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._store: Store | None = None  # used on the worker thread only
        self._open = False  # the GUI thread's view: a case file is attached or being opened
        self._epoch = 0  # raised by close(): answers of an earlier epoch are dropped
        self._pending = 0  # operations submitted whose answer has not been delivered yet
        self._generations: dict[str, int] = {}
        self._answers: list[Callable[[], None]] = []
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
        return self._pending == 0

    # -- opening and closing ----------------------------------------------------------------

    def attach(self, store: Store) -> None:
        """Hand an open store to the worker; from now on only the worker thread uses it."""
        self._begin()
        self._submit(_Task("open", lambda: store, epoch=self._epoch))

    def open(
        self, opener: Callable[[], Store], success: Callable[[], None], failure: Failure
    ) -> None:
        """Open a case file on the worker thread: `opener()` unlocks it (Argon2id takes time)."""
        self._begin()

        def failed(error: BaseException) -> None:
            self._open = False
            failure(error)

        self._submit(_Task("open", opener, lambda _r: success(), failed, epoch=self._epoch))

    def close(self) -> None:
        """Wait for the operations queued, close the store on the worker thread, forget it.

        Blocks the GUI thread until then: locking must not leave the file open. A long job is
        asked to stop first.
        """
        for flag in self._jobs:
            flag.set()
        if self._thread is not None and self._thread.is_alive():
            task = _Task("close")
            self._queue.put(task)
            task.done.wait()
        self._open = False
        self._epoch += 1
        self._generations.clear()
        self._jobs.clear()
        self._modal_jobs.clear()
        with self._lock:
            self._answers = []
        self._pending = 0
        self.closed.emit()

    def shutdown(self) -> None:
        """Close the case file and end the thread (the window goes away)."""
        self.close()
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(_Task("stop"))
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
        self._submit(_Task("op", op, success, failure, self._epoch, channel, generation))

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
        last = [(-1, -1)]
        epoch = self._epoch

        def report(done: int, total: int) -> None:
            if progress is not None and (done, total) != last[0]:
                last[0] = (done, total)
                self._answer(lambda: progress(done, total), epoch)

        def ended(handler: Callable[[Any], None] | None) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                self._jobs.discard(flag)
                self._modal_jobs.discard(flag)
                if handler is not None:
                    handler(value)
                elif isinstance(value, BaseException):
                    self.report(value)

            return call

        if self._open:
            self._jobs.add(flag)
            if modal:
                self._modal_jobs.add(flag)
        self.run(lambda store: job(store, report, flag.is_set), ended(success), ended(failure))
        return flag

    # -- the worker thread --------------------------------------------------------------------

    def _begin(self) -> None:
        if self._open:
            raise RuntimeError("a case file is already open in this worker")
        self._open = True

    def _submit(self, task: _Task) -> None:
        self._pending += 1
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="case-file", daemon=True)
            self._thread.start()
        self._queue.put(task)

    def _work(self) -> None:
        while True:
            task = self._queue.get()
            if task.kind == "stop":
                return
            if task.kind == "close":
                store, self._store = self._store, None
                try:
                    if store is not None:
                        store.close()
                finally:
                    task.done.set()
                continue
            self._execute(task)

    def _execute(self, task: _Task) -> None:
        if task.channel is not None and self._generations.get(task.channel) != task.generation:
            self._answer(self._count_delivered, task.epoch)  # stale: skipped, answers nothing
            return
        try:
            if task.kind == "open":
                self._store, result = task.op(), None
            elif self._store is None:
                raise RuntimeError("no case file is open in the worker")
            else:
                result = task.op(self._store)
        except BaseException as error:  # handed to the GUI thread, shown there
            caught = error  # `error` itself is unbound when the except block ends
            self._answer(lambda: self._fail(task, caught), task.epoch)
            return
        self._answer(lambda: self._succeed(task, result), task.epoch)

    def _answer(self, closure: Callable[[], None], epoch: int) -> None:
        """Run `closure` on the GUI thread, unless the case file was closed in between."""

        def deliver() -> None:
            if epoch == self._epoch:  # else locked meanwhile: the answer may hold case data
                closure()

        with self._lock:
            self._answers.append(deliver)
        self._answers_waiting.emit()

    # -- the GUI thread -----------------------------------------------------------------------

    def _deliver_answers(self) -> None:
        with self._lock:
            answers, self._answers = self._answers, []
        for answer in answers:
            try:
                answer()
            except Exception:  # a callback failed: say so, and deliver the other answers
                sys.excepthook(*sys.exc_info())

    def _count_delivered(self) -> None:
        self._pending = max(self._pending - 1, 0)

    def _is_stale(self, task: _Task) -> bool:
        return task.channel is not None and self._generations.get(task.channel) != task.generation

    def _succeed(self, task: _Task, result: Any) -> None:
        self._count_delivered()
        if not self._is_stale(task) and task.success is not None:
            task.success(result)

    def _fail(self, task: _Task, error: BaseException) -> None:
        self._count_delivered()
        if self._is_stale(task):
            return
        if task.failure is not None:
            task.failure(error)
        else:
            self.report(error)

    def report(self, error: BaseException) -> None:
        """Show a failure the way failures without a handler of their own are shown."""
        if self.errors is not None:
            self.errors(error)
        else:
            sys.excepthook(type(error), error, error.__traceback__)
