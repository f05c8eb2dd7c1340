/**
 * Matches a received message against the command patterns (command-pattern.ts). It reads the parsed message as
 * the events node gives it: msg.text (the text a reader sees) and its entities (msg.mentions, msg.hashtags,
 * msg.cashtags), never the raw MessageML. A mention is known by its shown text `@Name` (or `@<id>` when no name
 * was shown) among the message's mentions, so a mention argument gives the user's id. Never throws.
 */
import type { ArgumentType, CommandPattern } from './command-pattern';

export interface MentionedUser {
  id: number;
  name?: string;
}

/** What a message holds, as msg carries it. */
export interface CommandInput {
  text: string;
  mentions: ReadonlyArray<{ id?: number; name?: string }>;
  /** The message's hashtags and cashtags (without sign); undefined: not known, the text alone decides. */
  hashtags?: readonly string[];
  cashtags?: readonly string[];
}

export type ArgumentValue = string | number | MentionedUser;

export interface CommandMatch {
  /** The index of the matching pattern in the list. */
  index: number;
  pattern: CommandPattern;
  args: Record<string, ArgumentValue>;
}

interface Token {
  /** The token as typed; for a quoted token, without its quotes. */
  text: string;
  quoted: boolean;
  mention?: { id?: number; name?: string };
  /** Where the token starts in the command line (its quote included). */
  start: number;
}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', '\u201c': '\u201d', '\u201d': '\u201d' };
const SPACE = /\s/;

/** The mentions' shown texts, longest first so "@Ann Lee" wins over "@Ann". */
function mentionTexts(mentions: CommandInput['mentions']): Array<{ shown: string; mention: { id?: number; name?: string } }> {
  const shown = mentions.flatMap((m) => [
    ...(m.name ? [{ shown: `@${m.name}`, mention: m }] : []),
    ...(m.id !== undefined ? [{ shown: `@${m.id}`, mention: m }] : []),
  ]);
  return shown.sort((a, b) => b.shown.length - a.shown.length);
}

/** Splits a command line into words, "quoted text" and mentions. */
export function tokenize(line: string, mentions: CommandInput['mentions']): Token[] {
  const known = mentionTexts(mentions);
  const tokens: Token[] = [];
  let at = 0;
  while (at < line.length) {
    if (SPACE.test(line[at] as string)) {
      at += 1;
      continue;
    }
    const start = at;
    const mention = line[at] === '@'
      ? known.find((k) => line.startsWith(k.shown, at) && (at + k.shown.length === line.length || !/[\p{L}\p{N}_]/u.test(line[at + k.shown.length] as string)))
      : undefined;
    if (mention) {
      at += mention.shown.length;
      tokens.push({ text: mention.shown, quoted: false, mention: mention.mention, start });
      continue;
    }
    const close = QUOTES[line[at] as string];
    if (close !== undefined) {
      const end = line.indexOf(close, at + 1);
      // A closing quote ends the token only before white space or the end; an unclosed quote is a plain word.
      if (end > at && (end + 1 === line.length || SPACE.test(line[end + 1] as string))) {
        tokens.push({ text: line.slice(at + 1, end), quoted: true, start });
        at = end + 1;
        continue;
      }
    }
    while (at < line.length && !SPACE.test(line[at] as string)) at += 1;
    tokens.push({ text: line.slice(start, at), quoted: false, start });
  }
  return tokens;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The entity's own spelling when the message lists it, else undefined; any spelling when the list is unknown. */
function listed(value: string, list: readonly string[] | undefined): string | undefined {
  if (value === '') return undefined;
  if (list === undefined) return value;
  // The same spelling first: #M and #m can both be listed, each its own entity.
  return list.find((v) => v === value) ?? list.find((v) => v.toLowerCase() === value.toLowerCase());
}

/** One token as an argument of this type, or undefined when it does not fit. */
function convert(token: Token, type: Exclude<ArgumentType, 'rest'>, input: CommandInput): ArgumentValue | undefined {
  if (type === 'mention') {
    const id = token.mention?.id;
    if (id === undefined) return undefined;
    return token.mention?.name ? { id, name: token.mention.name } : { id };
  }
  if (token.mention) return undefined;
  if (type === 'quoted') return token.text === '' && !token.quoted ? undefined : token.text;
  if (token.quoted) return undefined;
  switch (type) {
    case 'word':
      return token.text;
    case 'number': {
      if (!NUMBER.test(token.text)) return undefined;
      const n = Number(token.text);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'hashtag':
      return token.text.startsWith('#') ? listed(token.text.slice(1), input.hashtags) : undefined;
    case 'cashtag':
      return token.text.startsWith('$') ? listed(token.text.slice(1), input.cashtags) : undefined;
  }
}

/** The arguments of `line` (the text after the command name's token) for this pattern, or undefined. */
function matchParts(pattern: CommandPattern, line: string, tokens: Token[], input: CommandInput): Record<string, ArgumentValue> | undefined {
  const args: Record<string, ArgumentValue> = {};
  let next = 0;
  for (const part of pattern.parts) {
    const token = tokens[next];
    if (part.kind === 'literal') {
      if (!token || token.quoted || token.mention || token.text.toLowerCase() !== part.text.toLowerCase()) return undefined;
      next += 1;
      continue;
    }
    if (part.type === 'rest') {
      const rest = token ? line.slice(token.start).trim() : '';
      if (rest !== '') args[part.name] = rest;
      else if (!part.optional) return undefined;
      next = tokens.length;
      continue;
    }
    const value = token ? convert(token, part.type, input) : undefined;
    if (value === undefined) {
      if (part.optional) continue;
      return undefined;
    }
    args[part.name] = value;
    next += 1;
  }
  return next === tokens.length ? args : undefined;
}

export interface MatchOptions {
  /** The bot's user id: a leading mention of it is skipped. */
  botId?: number;
  /** The command must follow a leading mention of the bot. */
  requireMention: boolean;
}

/**
 * The command on the message's first non-blank line, after a leading mention of the bot (skipped): its name and
 * the tokens after it; undefined when the line holds no command (or lacks a required mention).
 */
export function commandLine(input: CommandInput, options: MatchOptions): { name: string; line: string; tokens: Token[] } | undefined {
  const first = input.text.split('\n').find((l) => l.trim() !== '') ?? '';
  let tokens = tokenize(first, input.mentions);
  const lead = tokens[0];
  const mentionsBot = lead?.mention !== undefined && options.botId !== undefined && lead.mention.id === options.botId;
  if (mentionsBot) tokens = tokens.slice(1);
  else if (options.requireMention) return undefined;
  const head = tokens[0];
  if (!head || head.quoted || head.mention || !head.text.startsWith('/') || head.text.length < 2) return undefined;
  const rest = tokens.slice(1);
  const from = rest[0]?.start ?? first.length;
  const line = first.slice(from);
  return { name: head.text.slice(1).toLowerCase(), line, tokens: rest.map((t) => ({ ...t, start: t.start - from })) };
}

/** The first pattern (in list order) the message matches, with its arguments. */
export function matchCommand(patterns: ReadonlyArray<CommandPattern | undefined>, input: CommandInput, options: MatchOptions): CommandMatch | undefined {
  const command = commandLine(input, options);
  if (!command) return undefined;
  for (let index = 0; index < patterns.length; index += 1) {
    const pattern = patterns[index];
    if (!pattern || pattern.name !== command.name) continue;
    const args = matchParts(pattern, command.line, command.tokens, input);
    if (args) return { index, pattern, args };
  }
  return undefined;
}
