/**
 * Slash-command patterns of the `symphony-command` node: `/price {ticker}`, `/assign {user:@mention}
 * {priority:number}`, `/note {text:rest}`, `/list {count:number?}`. A pattern is the command name, then literal
 * words and arguments; an argument is `{name}` or `{name:type}`, a trailing `?` makes it optional. Parsing never
 * throws: a bad pattern comes back as a problem (a key under runtime.command.problems) and never matches.
 * nodes/editor/command-dialog.ts checks the same grammar in the dialog (a test keeps the two in step).
 */

export const ARGUMENT_TYPES = ['word', 'number', 'quoted', 'mention', 'hashtag', 'cashtag', 'rest'] as const;
export type ArgumentType = (typeof ARGUMENT_TYPES)[number];

/** How a type may be written: its name, or its sign and name (`@mention`, `#hashtag`, `$cashtag`). */
const TYPE_ALIASES: Readonly<Record<string, ArgumentType>> = {
  '@mention': 'mention', '#hashtag': 'hashtag', '$cashtag': 'cashtag',
};

export type PatternPart =
  | { kind: 'literal'; text: string }
  | { kind: 'argument'; name: string; type: ArgumentType; optional: boolean };

export interface CommandPattern {
  /** The pattern as written (trimmed). */
  source: string;
  /** The command name without `/`, lower case. */
  name: string;
  parts: PatternPart[];
}

export type PatternProblem =
  | 'empty' | 'noSlash' | 'badName' | 'badArgument' | 'unknownType' | 'duplicate' | 'restNotLast' | 'requiredAfterOptional';

export type ParsedPattern =
  | { ok: true; pattern: CommandPattern }
  | { ok: false; problem: PatternProblem; token?: string };

export const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ARGUMENT = /^\{([A-Za-z_][A-Za-z0-9_]*)(?::([@#$]?[A-Za-z]+))?(\?)?\}$/;

function typeOf(written: string | undefined): ArgumentType | undefined {
  if (written === undefined) return 'word';
  const lower = written.toLowerCase();
  return TYPE_ALIASES[lower] ?? (ARGUMENT_TYPES as readonly string[]).find((t) => t === lower) as ArgumentType | undefined;
}

export function parsePattern(source: unknown): ParsedPattern {
  const text = typeof source === 'string' ? source.trim() : '';
  if (text === '') return { ok: false, problem: 'empty' };
  const [head = '', ...tokens] = text.split(/\s+/);
  if (!head.startsWith('/')) return { ok: false, problem: 'noSlash', token: head };
  if (!NAME.test(head.slice(1))) return { ok: false, problem: 'badName', token: head };
  const parts: PatternPart[] = [];
  const names = new Set<string>();
  for (const token of tokens) {
    const last = parts[parts.length - 1];
    if (last?.kind === 'argument' && last.type === 'rest') return { ok: false, problem: 'restNotLast', token };
    if (!token.includes('{') && !token.includes('}')) {
      if (last?.kind === 'argument' && last.optional) return { ok: false, problem: 'requiredAfterOptional', token };
      parts.push({ kind: 'literal', text: token });
      continue;
    }
    const match = ARGUMENT.exec(token);
    if (!match) return { ok: false, problem: 'badArgument', token };
    const [, name = '', written, question] = match;
    const type = typeOf(written);
    if (!type) return { ok: false, problem: 'unknownType', token };
    if (names.has(name.toLowerCase())) return { ok: false, problem: 'duplicate', token };
    const optional = question === '?';
    if (!optional && last?.kind === 'argument' && last.optional) return { ok: false, problem: 'requiredAfterOptional', token };
    names.add(name.toLowerCase());
    parts.push({ kind: 'argument', name, type, optional });
  }
  return { ok: true, pattern: { source: text, name: head.slice(1).toLowerCase(), parts } };
}
