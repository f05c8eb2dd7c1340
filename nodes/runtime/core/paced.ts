/**
 * Updates (of a status dot) paced to at most one per interval: an update runs at once when the last one is older
 * than the interval, else once at the interval's end, and then only the latest one asked for. One timer at most,
 * whatever the number of updates asked for in between.
 */
export class Paced {
  private lastAt = 0;
  private pending: (() => void) | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly intervalMs: number) {}

  run(update: () => void): void {
    const wait = this.lastAt + this.intervalMs - Date.now();
    if (wait <= 0 && this.timer === undefined) {
      this.ranNow();
      update();
      return;
    }
    this.pending = update;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const latest = this.pending;
      this.pending = undefined;
      if (latest) {
        this.lastAt = Date.now();
        latest();
      }
    }, Math.max(0, wait));
  }

  /** An update was made outside the pace (a change of state): the interval starts now, and one waiting is dropped. */
  ranNow(): void {
    this.lastAt = Date.now();
    this.pending = undefined;
  }

  /** Drops the update waiting, with its timer (the node is closing, or what it would show is no longer true). */
  cancel(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pending = undefined;
  }
}
