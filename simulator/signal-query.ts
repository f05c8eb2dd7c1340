/**
 * The signal query syntax of the Agent spec (BaseSignal.query): "field:value" pairs combined by AND or OR, fields
 * author, hashtag and cashtag (case-insensitive), at least one hashtag or cashtag. Parentheses group terms.
 *
 *   query   := and ( OR and )*
 *   and     := primary ( AND primary )*
 *   primary := "(" query ")" | field ":" value
 */

const FIELDS = ['author', 'hashtag', 'cashtag'];
const TOKEN = /\(|\)|[^\s()]+/g;

type Verdict = { ok: true } | { ok: false; reason: string };

class Parser {
  private at = 0;
  /** Fields seen, lower case. */
  readonly fields = new Set<string>();

  constructor(private readonly tokens: readonly string[]) {}

  parse(): void {
    this.expression();
    const rest = this.tokens[this.at];
    if (rest !== undefined) throw new Error(rest === ')' ? 'has a ")" without its "("' : `expects AND or OR before "${rest}"`);
  }

  private peekOperator(name: string): boolean {
    return this.tokens[this.at]?.toUpperCase() === name;
  }

  private expression(): void {
    this.conjunction();
    while (this.peekOperator('OR')) {
      this.at += 1;
      this.conjunction();
    }
  }

  private conjunction(): void {
    this.primary();
    while (this.peekOperator('AND')) {
      this.at += 1;
      this.primary();
    }
  }

  private primary(): void {
    const token = this.tokens[this.at];
    if (token === undefined) throw new Error('ends where a field:value pair is expected');
    this.at += 1;
    if (token === '(') {
      this.expression();
      if (this.tokens[this.at] !== ')') throw new Error('has a "(" without its ")"');
      this.at += 1;
      return;
    }
    const colon = token.indexOf(':');
    const field = colon < 0 ? '' : token.slice(0, colon).toLowerCase();
    const value = colon < 0 ? '' : token.slice(colon + 1);
    if (colon < 0 || !FIELDS.includes(field)) {
      throw new Error(`has "${token}" where a field:value pair is expected (fields: ${FIELDS.join(', ')})`);
    }
    if (value === '') throw new Error(`has no value after "${token}"`);
    this.fields.add(field);
  }
}

export function checkSignalQuery(query: string): Verdict {
  const parser = new Parser(query.match(TOKEN) ?? []);
  try {
    parser.parse();
  } catch (err) {
    return { ok: false, reason: `query ${(err as Error).message}` };
  }
  if (!parser.fields.has('hashtag') && !parser.fields.has('cashtag')) {
    return { ok: false, reason: 'query must contain at least one hashtag or cashtag' };
  }
  return { ok: true };
}
