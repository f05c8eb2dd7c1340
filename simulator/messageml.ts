/** Checks MessageML and turns it into the PresentationML the agent returns. */
import { XMLValidator } from 'fast-xml-parser';
import { readForms } from './elements';

export type MessageMLResult = { ok: true; presentationML: string } | { ok: false; reason: string };

// Skips an XML declaration and comments before the root element.
const PROLOGUE = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*/;

/**
 * The message must be well-formed XML with a single `messageML` root. Its content is carried over as is into
 * `<div data-format="PresentationML" data-version="2.0">` (the simulator does not render tags such as mentions).
 * Symphony Elements forms must follow their rules (simulator/elements.ts).
 */
export function toPresentationML(messageML: string): MessageMLResult {
  const verdict = XMLValidator.validate(messageML);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    return { ok: false, reason: `Invalid MessageML: ${msg} (line ${line}, column ${col})` };
  }
  const body = messageML.replace(PROLOGUE, '');
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(body)?.[1];
  if (root !== 'messageML') {
    return { ok: false, reason: `Invalid MessageML: the root element must be messageML, not ${root ?? 'missing'}` };
  }
  const forms = readForms(body);
  if (!forms.ok) return forms;
  const content = /^<messageML\b[^>]*?(?:\/>|>([\s\S]*)<\/messageML>)\s*(?:<!--[\s\S]*?-->\s*)*$/.exec(body)?.[1] ?? '';
  return { ok: true, presentationML: `<div data-format="PresentationML" data-version="2.0">${content}</div>` };
}
