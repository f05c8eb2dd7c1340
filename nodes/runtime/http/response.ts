/** Reading Symphony's error bodies and trace headers, whichever shape the service uses. */
import { bounded } from '../operations/value-checks';

/** Symphony's own message is kept up to this length: it may echo a long value from the request. */
const MESSAGE_LIMIT = 500;

export function symphonyMessageOf(data: unknown): string | undefined {
  if (typeof data === 'string') {
    const text = data.trim();
    // An error read as text (an endpoint answering files) may still be Symphony's JSON error.
    if (text.startsWith('{')) {
      try {
        return symphonyMessageOf(JSON.parse(text)) ?? bounded(text, MESSAGE_LIMIT);
      } catch {
        // not JSON after all: the text itself
      }
    }
    return text === '' ? undefined : bounded(text, MESSAGE_LIMIT);
  }
  if (data && typeof data === 'object') {
    const { message, error } = data as { message?: unknown; error?: unknown };
    if (typeof message === 'string' && message) return bounded(message, MESSAGE_LIMIT);
    if (typeof error === 'string' && error) return bounded(error, MESSAGE_LIMIT);
  }
  return undefined;
}

export function requestIdOf(headers: Record<string, string>): string | undefined {
  return headers['x-trace-id'] ?? headers['x-request-id'] ?? undefined;
}
