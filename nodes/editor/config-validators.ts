/** Property validators for the symphony-config node. */
namespace SymphonyEditor {
  function parseUrl(value: string): URL | undefined {
    try {
      return new URL(value);
    } catch {
      return undefined;
    }
  }

  /** An http(s) URL; blank only when `required` is false (then the documented fallback URL is used). */
  export function urlValidator(required: boolean): RedValidator {
    return function (value, opt) {
      const url = text(value).trim();
      if (url === '') {
        return !required || invalid(t('editor.validation.required'), opt);
      }
      const parsed = parseUrl(url);
      if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.hostname === '') {
        return invalid(t('editor.validation.url'), opt);
      }
      // Credentials in a URL would be saved in clear in the flow and its exports.
      return (parsed.username === '' && parsed.password === '') || invalid(t('editor.validation.urlCredentials'), opt);
    };
  }

  /**
   * One http(s) URL a line (blank lines skipped), none given twice nor the agent URL again: the first faulty line
   * is named by its number, as the runtime names it.
   */
  export function urlListValidator(): RedValidator {
    const checkUrl = urlValidator(true);
    return function (value, opt) {
      const lines = text(value).split(/\r?\n/);
      // The agent URL comes first: the open dialog's, else the saved one.
      const fromDialog = $('#node-config-input-agentUrl').val();
      const first = text(typeof fromDialog === 'string' ? fromDialog : this && this.agentUrl).trim().replace(/\/+$/, '');
      const seen: string[] = first === '' ? [] : [first];
      for (let at = 0; at < lines.length; at++) {
        const line = lines[at].trim();
        if (line === '') {
          continue;
        }
        const verdict = checkUrl.call(this, line, {});
        const reason = typeof verdict === 'string' ? verdict
          : seen.indexOf(line.replace(/\/+$/, '')) !== -1 ? t('editor.validation.urlRepeated') : '';
        if (reason !== '') {
          return invalid(t('editor.validation.urlLine', { line: String(at + 1), reason: reason }), opt);
        }
        seen.push(line.replace(/\/+$/, ''));
      }
      return true;
    };
  }

  /** The connection chosen: the open dialog's choice, else the saved one (absent: a pod). */
  function connectsToSimulator(node: SymphonyEditorNode | undefined): boolean {
    const fromDialog = $('#node-config-input-connectTo').val();
    const choice = typeof fromDialog === 'string' && fromDialog !== '' ? fromDialog : node && node.connectTo;
    return choice === 'simulator';
  }

  /** A pod's field: checked (and required when `required`) only while a pod is chosen. */
  export function podOnly(validator: RedValidator | undefined, required: boolean): RedValidator {
    return function (value, opt) {
      if (connectsToSimulator(this)) {
        return true;
      }
      if (text(value).trim() === '') {
        return !required || invalid(t('editor.validation.required'), opt);
      }
      return validator ? validator.call(this, value, opt) : true;
    };
  }
}
