/** The `/help` answer of the command node: the commands and their descriptions, as a MessageML message. */
import { escapeText } from '../messages/messageml';
import { text } from '../core/i18n';

export interface HelpEntry {
  pattern: string;
  description: string;
}

/** `botName` set: the commands are shown after a mention of the bot, as they must be typed. */
export function helpMessageML(entries: readonly HelpEntry[], botName?: string): string {
  const prefix = botName ? `@${botName} ` : '';
  const items = entries.map(({ pattern, description }) => {
    const usage = `<code>${escapeText(prefix + pattern)}</code>`;
    return `<li>${usage}${description.trim() ? ` ${escapeText('\u2014 ' + description.trim())}` : ''}</li>`;
  });
  const heading = `<b>${escapeText(text('runtime.command.help.heading'))}</b>`;
  const list = items.length > 0 ? `<ul>${items.join('')}</ul>` : `<p>${escapeText(text('runtime.command.help.none'))}</p>`;
  return `<messageML>${heading}${list}</messageML>`;
}
