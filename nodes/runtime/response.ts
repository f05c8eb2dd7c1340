/** Reading Symphony's error bodies and trace headers, whichever shape the service uses. */

export function symphonyMessageOf(data: unknown): string | undefined {
  if (typeof data === 'string') return data.trim().slice(0, 500) || undefined;
  if (data && typeof data === 'object') {
    const { message, error } = data as { message?: unknown; error?: unknown };
    if (typeof message === 'string' && message) return message;
    if (typeof error === 'string' && error) return error;
  }
  return undefined;
}

export function requestIdOf(headers: Record<string, string>): string | undefined {
  return headers['x-trace-id'] ?? headers['x-request-id'] ?? undefined;
}
