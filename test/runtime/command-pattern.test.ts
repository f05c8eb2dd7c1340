/**
 * The command node's patterns and matching (nodes/runtime/commands): examples of each argument type, properties
 * (a command line typed from any pattern with any values matches it and gives those values back; no text ever
 * throws), and the dialog's check (nodes/editor/command-dialog.ts) judging every pattern as the runtime does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import { matchCommand, type ArgumentValue, type CommandInput } from '../../nodes/runtime/commands/command-match';
import { parsePattern, type ArgumentType, type CommandPattern } from '../../nodes/runtime/commands/command-pattern';
import { helpMessageML } from '../../nodes/runtime/commands/command-help';

const BOT = { id: 7000001, name: 'Demo Bot' };
const BOB = { id: 7000002, name: 'Bob Lee' };

function pattern(source: string): CommandPattern {
  const parsed = parsePattern(source);
  assert.ok(parsed.ok, `${source} parses`);
  return parsed.pattern;
}

function input(text: string, extra: Partial<CommandInput> = {}): CommandInput {
  return { text, mentions: [BOT, BOB], ...extra };
}

const noMention = { requireMention: false, botId: BOT.id };

describe('command patterns: parsePattern', function () {
  it('reads the name, literal words and typed, optional arguments', function () {
    assert.deepEqual(pattern('  /Deal close {id:number} {user:@mention} {tag:#hashtag?} {note:rest?} '), {
      source: '/Deal close {id:number} {user:@mention} {tag:#hashtag?} {note:rest?}',
      name: 'deal',
      parts: [
        { kind: 'literal', text: 'close' },
        { kind: 'argument', name: 'id', type: 'number', optional: false },
        { kind: 'argument', name: 'user', type: 'mention', optional: false },
        { kind: 'argument', name: 'tag', type: 'hashtag', optional: true },
        { kind: 'argument', name: 'note', type: 'rest', optional: true },
      ],
    });
    assert.deepEqual(pattern('/price {ticker}').parts, [{ kind: 'argument', name: 'ticker', type: 'word', optional: false }]);
  });

  it('names the problem and the token of a pattern that can never match', function () {
    const cases: Array<[unknown, string, string | undefined]> = [
      ['', 'empty', undefined],
      [42, 'empty', undefined],
      ['price {ticker}', 'noSlash', 'price'],
      ['/9lives', 'badName', '/9lives'],
      ['/', 'badName', '/'],
      ['/price {ticker', 'badArgument', '{ticker'],
      ['/price {tick er}', 'badArgument', '{tick'],
      ['/price {ticker:symbol}', 'unknownType', '{ticker:symbol}'],
      ['/move {a} {A:number}', 'duplicate', '{A:number}'],
      ['/note {text:rest} {more}', 'restNotLast', '{more}'],
      ['/list {count:number?} {page:number}', 'requiredAfterOptional', '{page:number}'],
      ['/list {count:number?} page', 'requiredAfterOptional', 'page'],
    ];
    for (const [source, problem, token] of cases) {
      const parsed = parsePattern(source);
      assert.equal(parsed.ok, false, String(source));
      if (!parsed.ok) assert.deepEqual([parsed.problem, parsed.token], [problem, token], String(source));
    }
  });

  it('never throws, whatever it is given', function () {
    fc.assert(fc.property(fc.anything(), (value) => {
      parsePattern(value);
    }));
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('/', '{', '}', ':', '?', ' ', 'a', '@', '#', '$', 'rest', 'number') }), (value) => {
      parsePattern(value);
    }));
  });
});

describe('command patterns: matchCommand', function () {
  const list = ['/price {ticker}', '/assign {user:@mention} {priority:number}', '/note {text:rest}', '/list {count:number?}', '/say {what:quoted} {tag:#hashtag} {ticker:$cashtag}'].map(pattern);
  const match = (text: string, extra: Partial<CommandInput> = {}, options = noMention): { index: number; args: Record<string, ArgumentValue> } | undefined => {
    const found = matchCommand(list, input(text, extra), options);
    return found ? { index: found.index, args: found.args } : undefined;
  };

  it('matches each argument type and types its value', function () {
    assert.deepEqual(match('/price ACME'), { index: 0, args: { ticker: 'ACME' } });
    assert.deepEqual(match('/PRICE   ACME  '), { index: 0, args: { ticker: 'ACME' } });
    assert.deepEqual(match('/assign @Bob Lee 2.5'), { index: 1, args: { user: { id: BOB.id, name: 'Bob Lee' }, priority: 2.5 } });
    assert.deepEqual(match('/note  buy "more" @Bob Lee  now '), { index: 2, args: { text: 'buy "more" @Bob Lee  now' } });
    assert.deepEqual(match('/list'), { index: 3, args: {} });
    assert.deepEqual(match('/list 10'), { index: 3, args: { count: 10 } });
    assert.deepEqual(match('/say "hello world" #FX $acme', { hashtags: ['fx'], cashtags: ['ACME'] }), { index: 4, args: { what: 'hello world', tag: 'fx', ticker: 'ACME' } });
    assert.deepEqual(match('/say \u201chi there\u201d #fx $ACME'), { index: 4, args: { what: 'hi there', tag: 'fx', ticker: 'ACME' } });
  });

  it('takes a mention by the message\'s entities: its id, also when shown as @<id>', function () {
    assert.deepEqual(match(`/assign @${BOB.id} 1`, { mentions: [{ id: BOB.id }] }), { index: 1, args: { user: { id: BOB.id }, priority: 1 } });
    // "@Carol" is text: no mention entity of that name.
    assert.equal(match('/assign @Carol 1'), undefined);
  });

  it('matches no command when the arguments do not fit', function () {
    assert.equal(match('/price'), undefined, 'missing argument');
    assert.equal(match('/price ACME MORE'), undefined, 'one word too many');
    assert.equal(match('/assign Bob 1'), undefined, 'not a mention');
    assert.equal(match('/assign @Bob Lee high'), undefined, 'not a number');
    assert.equal(match('/list ten'), undefined, 'an optional number given as a word');
    assert.equal(match('/note'), undefined, 'an empty rest');
    assert.equal(match('/say "x" #fx $ACME', { hashtags: ['other'], cashtags: ['ACME'] }), undefined, 'a hashtag the message does not carry');
    assert.equal(match('/unknown ACME'), undefined);
    assert.equal(match('price ACME'), undefined);
    assert.equal(match('"/price" ACME'), undefined);
  });

  it('reads the first non-blank line only', function () {
    assert.deepEqual(match('\n  /price ACME\nthanks'), { index: 0, args: { ticker: 'ACME' } });
    assert.equal(match('hello\n/price ACME'), undefined);
  });

  it('skips a leading mention of the bot, and requires it when asked', function () {
    const required = { requireMention: true, botId: BOT.id };
    assert.deepEqual(match('@Demo Bot /price ACME'), { index: 0, args: { ticker: 'ACME' } });
    assert.deepEqual(match('@Demo Bot /price ACME', {}, required), { index: 0, args: { ticker: 'ACME' } });
    assert.equal(match('/price ACME', {}, required), undefined);
    assert.equal(match('@Bob Lee /price ACME', {}, required), undefined, 'another user\'s mention');
    assert.equal(match('@Bob Lee /price ACME'), undefined, 'another user\'s mention is not skipped');
  });

  it('tries the patterns in order: the first that matches wins, a bad one is skipped', function () {
    const two = [undefined, pattern('/go {n:number}'), pattern('/go {w}')];
    assert.equal(matchCommand(two, input('/go 3'), noMention)?.index, 1);
    assert.equal(matchCommand(two, input('/go x'), noMention)?.index, 2);
  });
});

/** A generated pattern with the command line that types it, and the args it must give. */
interface Case {
  source: string;
  line: string;
  args: Record<string, ArgumentValue>;
  mentions: Array<{ id: number; name: string }>;
  hashtags: string[];
  cashtags: string[];
}

const USERS = [BOT, BOB, { id: 7000003, name: 'Ann' }, { id: 7000004, name: 'Ann Marie Smith' }, { id: 7000005, name: 'Zoë Ünal' }];
const WORD_CHARS = 'abcXYZ019.,!?%&*+=-_/#$:;()[]<>\u00e9\u4e2d';

/** A value of the type and how it is typed. */
function valueOf(type: ArgumentType): fc.Arbitrary<{ typed: string; value: ArgumentValue; hashtag?: string; cashtag?: string }> {
  switch (type) {
    case 'word':
      return fc.string({ unit: fc.constantFrom(...WORD_CHARS), minLength: 1, maxLength: 8 }).map((w) => ({ typed: w, value: w }));
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))
        .map((n) => (Object.is(n, -0) ? 0 : n)).map((n) => ({ typed: String(n), value: n }));
    case 'quoted':
      return fc.oneof(
        fc.string({ unit: fc.constantFrom(...WORD_CHARS, ' ', "'", '@'), maxLength: 12 }).map((s) => ({ typed: `"${s}"`, value: s })),
        fc.string({ unit: fc.constantFrom(...WORD_CHARS), minLength: 1, maxLength: 6 }).map((w) => ({ typed: w, value: w })),
      );
    case 'mention':
      return fc.constantFrom(...USERS).map((u) => ({ typed: `@${u.name}`, value: { id: u.id, name: u.name } }));
    case 'hashtag':
      return fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/).map((tag) => ({ typed: `#${tag}`, value: tag, hashtag: tag }));
    case 'cashtag':
      return fc.stringMatching(/^[A-Z0-9.]{1,6}$/).map((tag) => ({ typed: `$${tag}`, value: tag, cashtag: tag }));
    case 'rest':
      return fc.string({ unit: fc.constantFrom(...WORD_CHARS, ' ', '"', '@'), maxLength: 20 }).filter((s) => s.trim() !== '')
        .map((s) => ({ typed: s, value: s.trim() }));
  }
}

const SINGLE_TYPES: ArgumentType[] = ['word', 'number', 'quoted', 'mention', 'hashtag', 'cashtag'];
const TYPE_SPELLING: Record<ArgumentType, string[]> = {
  word: ['', ':word'], number: [':number'], quoted: [':quoted'], mention: [':@mention', ':mention'], hashtag: [':#hashtag', ':hashtag'],
  cashtag: [':$cashtag', ':cashtag'], rest: [':rest'],
};

/** One part: a literal, or an argument of a type with its value; optional ones may be left out (at the end). */
type GenPart = { literal: string } | { type: ArgumentType; spelling: string; typed: string; value: ArgumentValue; hashtag?: string; cashtag?: string };

const partArb: fc.Arbitrary<GenPart> = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/).map((literal) => ({ literal })),
  fc.constantFrom(...SINGLE_TYPES).chain((type) => fc.tuple(fc.constantFrom(...TYPE_SPELLING[type]), valueOf(type))
    .map(([spelling, v]) => ({ type, spelling, ...v }))),
);

const caseArb: fc.Arbitrary<Case> = fc.record({
  name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/),
  typedName: fc.boolean(),
  required: fc.array(partArb, { maxLength: 5 }),
  optional: fc.array(fc.constantFrom(...SINGLE_TYPES).chain((type) => valueOf(type).map((v) => ({ type, ...v, given: true }))), { maxLength: 2 }),
  given: fc.nat(2),
  rest: fc.option(valueOf('rest'), { nil: undefined }),
  gap: fc.constantFrom(' ', '  ', '\t', ' \u00a0'),
}).map(({ name, typedName, required, optional, given, rest, gap }) => {
  const pieces: string[] = [];
  const typed: string[] = [typedName ? `/${name.toUpperCase()}` : `/${name}`];
  const args: Record<string, ArgumentValue> = {};
  const hashtags: string[] = [];
  const cashtags: string[] = [];
  const note = (p: { hashtag?: string; cashtag?: string }): void => {
    if (p.hashtag) hashtags.push(p.hashtag);
    if (p.cashtag) cashtags.push(p.cashtag);
  };
  required.forEach((part, i) => {
    if ('literal' in part) {
      pieces.push(part.literal);
      typed.push(i % 2 === 0 ? part.literal.toUpperCase() : part.literal);
      return;
    }
    pieces.push(`{a${i}${part.spelling}}`);
    typed.push(part.typed);
    args[`a${i}`] = part.value;
    note(part);
  });
  // Optional arguments: only a prefix of them is typed, and a rest after them only when all are.
  const typedCount = Math.min(given, optional.length);
  optional.forEach((part, i) => {
    pieces.push(`{o${i}:${part.type}?}`);
    if (i < typedCount) {
      typed.push(part.typed);
      args[`o${i}`] = part.value;
      note(part);
    }
  });
  if (rest && (typedCount === optional.length)) {
    pieces.push(optional.length > 0 ? '{tail:rest?}' : '{tail:rest}');
    typed.push(rest.typed);
    args.tail = rest.value;
  }
  return { source: `/${name} ${pieces.join(' ')}`, line: typed.join(gap), args, mentions: USERS, hashtags, cashtags };
});

describe('command patterns: properties', function () {
  it('a command line typed from any pattern, with any values of its types, matches it and gives the values back', function () {
    fc.assert(fc.property(caseArb, fc.boolean(), (c, mentioned) => {
      const p = pattern(c.source);
      const text = mentioned ? `@${BOT.name} ${c.line}` : c.line;
      const found = matchCommand([p], { text, mentions: c.mentions, hashtags: c.hashtags, cashtags: c.cashtags }, { requireMention: mentioned, botId: BOT.id });
      assert.ok(found, `${c.source} matches ${JSON.stringify(text)}`);
      assert.deepEqual(found.args, c.args);
    }), { numRuns: 200 });
  });

  it('never throws on any text, mentions and tags', function () {
    const mention = fc.record({ id: fc.option(fc.integer(), { nil: undefined }), name: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: [] });
    const patterns = [pattern('/a {x}'), pattern('/b {x:number?} {y:rest?}'), pattern('/c {u:@mention} {q:quoted} {h:#hashtag} {c:$cashtag}')];
    fc.assert(fc.property(
      fc.string({ unit: fc.oneof(fc.constantFrom('/a', '/b', '/c', '@', '"', '\u201c', '\u201d', ' ', '\n', '#', '$', '1'), fc.string({ unit: 'grapheme', maxLength: 1 })) }),
      fc.array(mention), fc.option(fc.array(fc.string()), { nil: undefined }), fc.boolean(),
      (text, mentions, tags, requireMention) => {
        matchCommand(patterns, { text, mentions, hashtags: tags, cashtags: tags }, { requireMention, botId: 1 });
      },
    ), { numRuns: 500 });
  });
});

describe('command patterns: the dialog\'s check (nodes/editor/command-dialog.ts)', function () {
  type Problem = { problem: string; token: string } | undefined;
  const context = vm.createContext({ SymphonyEditor: { t: (key: string) => key } });
  vm.runInContext(readFileSync(path.resolve(__dirname, '..', '..', 'editor', 'command-dialog.js'), 'utf8'), context);
  const editorProblem = (context.SymphonyEditor as { commandPatternProblem(p: unknown): Problem }).commandPatternProblem;

  it('judges every pattern as the runtime does, naming the same problem and token', function () {
    const token = fc.constantFrom('/go', 'go', '/9', '{a}', '{a:number?}', '{b:rest}', '{b:rest?}', '{c:foo}', '{c:@mention}', '{C:$cashtag?}', '{', '}', 'x}', '{a b}', 'lit', '{d:#HASHTAG}', '{e?}');
    fc.assert(fc.property(fc.array(token, { maxLength: 6 }), fc.constantFrom(' ', '  ', '\t'), (tokens, gap) => {
      const source = tokens.join(gap);
      const runtime = parsePattern(source);
      const editor = editorProblem(source);
      if (runtime.ok) assert.equal(editor, undefined, source);
      else assert.deepEqual(editor ? { ...editor } : undefined, { problem: runtime.problem, token: runtime.token ?? '' }, source);
    }), { numRuns: 500 });
  });
});

describe('command patterns: the /help message', function () {
  it('lists the commands with their descriptions, escaped, after the bot\'s mention when one is required', function () {
    const messageML = helpMessageML([{ pattern: '/price {ticker}', description: 'Price of <ticker> & more' }, { pattern: '/note ${x}', description: '' }], 'Demo Bot');
    assert.equal(messageML, '<messageML><b>Commands</b><ul><li><code>@Demo Bot /price {ticker}</code> \u2014 Price of &lt;ticker&gt; &amp; more</li>'
      + '<li><code>@Demo Bot /note &#36;{x}</code></li></ul></messageML>');
    assert.equal(helpMessageML([]), '<messageML><b>Commands</b><p>No commands yet.</p></messageML>');
  });
});
