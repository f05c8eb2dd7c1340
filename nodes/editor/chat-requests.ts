/** Requests to the chat routes (nodes/runtime/chat/chat-routes.ts), with the editor's own authentication. */
namespace SymphonyEditor {
  const BASE = 'symphony/chat/';

  export type ChatFailure = (message: string, status: number) => void;

  function reasonOf(xhr: { status: number; responseText?: string }): string {
    if (xhr.status === 401 || xhr.status === 403) {
      return t('editor.chat.denied');
    }
    try {
      const body = JSON.parse(xhr.responseText || '') as { error?: unknown };
      if (typeof body.error === 'string') {
        return body.error;
      }
    } catch (err) {
      // not JSON: the status says it
    }
    return t('editor.chat.unreachable', { status: String(xhr.status) });
  }

  /** $.ajax, so that the editor's own authentication goes with every request. A 204 answers undefined. */
  export function chatCall<T>(method: 'GET' | 'POST', path: string, body: Record<string, unknown> | null, done: (answer: T | undefined) => void, fail: ChatFailure): void {
    $.ajax({
      url: BASE + path,
      method: method,
      contentType: body ? 'application/json' : undefined,
      data: body ? JSON.stringify(body) : undefined,
      dataType: 'json',
      timeout: 15000,
    })
      .done((data) => done(data as T | undefined))
      .fail((xhr) => fail(reasonOf(xhr), xhr.status));
  }

  export function chatQuery(values: Record<string, string>): string {
    return Object.keys(values).filter((key) => values[key] !== '')
      .map((key) => encodeURIComponent(key) + '=' + encodeURIComponent(values[key])).join('&');
  }
}
