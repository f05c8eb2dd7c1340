/**
 * Shares one in-flight promise between all concurrent callers: the first caller starts the work, everyone
 * arriving before it settles gets the same promise. Used so that 50 messages at a cold start log in once.
 */
export class SingleFlight<T> {
  private pending: Promise<T> | undefined;

  run(work: () => Promise<T>): Promise<T> {
    if (!this.pending) {
      const started = work();
      this.pending = started;
      const clear = (): void => {
        if (this.pending === started) this.pending = undefined;
      };
      started.then(clear, clear);
    }
    return this.pending;
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }
}
