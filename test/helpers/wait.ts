/**
 * Waiting for something a test can observe (a request in the simulator's log, a state) instead of sleeping for
 * a guessed time. The deadline only turns a hang into a failure that says what was awaited: it is far beyond how
 * long the wait takes even on a busy machine, and no assertion depends on it.
 */
export async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
