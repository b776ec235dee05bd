"""A tqdm progress bar that appears only when a run will last longer than about 2 seconds."""

from __future__ import annotations

import time


class ProgressBar:
    """``at(epoch)`` after each epoch; ``close(epoch)`` at the end. ``wanted``: True, False or None (automatic)."""

    def __init__(self, epochs, wanted):
        self.epochs, self.wanted, self.bar = epochs, wanted, None
        self.every, self.next, self.started = max(1, epochs // 200), 1, time.perf_counter()

    def at(self, epoch):
        if epoch < self.next or self.wanted is False:
            return
        self.next += self.every
        if self.bar is None:
            elapsed = time.perf_counter() - self.started
            long_run = elapsed > 1.0 and elapsed / epoch * self.epochs > 2.0  # judged on 1 s, not on one slow epoch
            if self.wanted or long_run:
                from tqdm.auto import tqdm

                self.bar = tqdm(total=self.epochs, initial=epoch, desc="training", unit="epoch", mininterval=0.5)
        else:
            self.bar.update(epoch - self.bar.n)

    def close(self, epoch):
        if self.bar is not None:
            self.bar.update(epoch - self.bar.n)
            self.bar.close()
