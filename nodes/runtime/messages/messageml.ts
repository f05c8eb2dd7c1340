import type { XMLValidator as Validator } from 'fast-xml-parser';
import { inputError } from '../core/errors';
import { text } from '../core/i18n';

export type MessageFormat = 'auto' | 'text' | 'messageml';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Plain text as MessageML: XML special characters escaped, Freemarker interpolations (`${`, `#{`) neutralised
 * so user text is never evaluated as a template, line breaks kept as <br/>.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] as string)
    .replace(/([$#])\{/g, (_, sign: string) => `${sign === '$' ? '&#36;' : '&#35;'}{`)
    .replace(/\r?\n/g, '<br/>');
}

let validator: typeof Validator | undefined;

/** fast-xml-parser, loaded with the first MessageML to check, not when Node-RED starts. */
function xmlValidator(): typeof Validator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validator ??= (require('fast-xml-parser') as { XMLValidator: typeof Validator }).XMLValidator;
  return validator;
}

function looksLikeMessageML(text: string): boolean {
  return /^\s*<messageML[\s>]/.test(text);
}

/** Checks that MessageML is well-formed XML with a <messageML> root; the error names the field and the spot. */
export function assertWellFormedMessageML(messageML: string, field: string, operation: string): void {
  if (!looksLikeMessageML(messageML)) {
    throw inputError(operation, field, text('runtime.errors.messageml.root'));
  }
  const result = xmlValidator().validate(messageML);
  if (result !== true) {
    const { msg, line, col } = result.err;
    throw inputError(operation, field, text('runtime.errors.messageml.notWellFormed', { problem: msg, line, column: col }));
  }
}

/** The message as the API takes it, by the node's format option. */
export function toMessageML(message: string, format: MessageFormat, field: string, operation = 'message-send'): string {
  const asMessageML = format === 'messageml' || (format === 'auto' && looksLikeMessageML(message));
  if (!asMessageML) return `<messageML>${escapeText(message)}</messageML>`;
  assertWellFormedMessageML(message, field, operation);
  return message;
}
