/**
 * Settles with the promise, or rejects with `stoppedError()` as soon as the signal aborts (the promise's outcome is
 * then ignored). For waits that cannot take a signal themselves, such as a login shared with other callers.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, stoppedError: () => Error): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(stoppedError());
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
