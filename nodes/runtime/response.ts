/** Reading Symphony's error bodies and trace headers, whichever shape the service uses. */

export function symphonyMessageOf(data: unknown): string | undefined {
  if (typeof data === 'string') {
    const text = data.trim();
    // An error read as text (an endpoint answering files) may still be Symphony's JSON error.
    if (text.startsWith('{')) {
      try {
        return symphonyMessageOf(JSON.parse(text)) ?? text.slice(0, 500);
      } catch {
        // not JSON after all: the text itself
      }
    }
    return text.slice(0, 500) || undefined;
  }
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
