/**
 * The events node against datafeed answers a real agent (or a proxy, or a bug) can send: null, numbers, strings,
 * arrays, objects missing fields or with fields of the wrong type, unknown types, events repeated in and across
 * answers, answers lost on the way and repeated by the agent, and a feed lost across a redeploy. The oracle is the
 * agent spec (test/helpers/datafeed-events.ts): every well-formed event reaches the flow exactly once, in order,
 * told apart by identity (id, type, timestamp); every other one is skipped with one warning; the node keeps going.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ApiSpec } from '../conformance/spec';
import {
  agentSpec, identity, SPOILER_NAMES, spoiledEvent, wellFormed, wellFormedEvent,
} from '../helpers/datafeed-events';
import { closingMessage, eventsNode, reading, until } from '../helpers/events-flow';
import { collect, configNode, helper, loadFlow, useSimulator, type Msg } from '../helpers/flow';

type Json = Record<string, unknown>;

const T0 = 1_760_000_000_000;

describe('symphony-events: null, junk, malformed and repeated events (the agent spec as oracle)', function () {
  before(function () {
    if (!ApiSpec.available()) {
      console.log('      ../shared/symphony-api-spec is absent: the datafeed junk checks are skipped');
      this.skip();
    }
  });
  // Reads are answered by events only, never by the hold running out.
  const sim = useSimulator({ datafeedHoldMs: 600_000 });

  interface Started {
    tag: string;
    received: Msg[];
    warnings: string[];
  }

  /** Starts an events node taking every type, the bot's own events included; waits until it reads. */
  async function start(props: Record<string, unknown> = {}): Promise<Started> {
    const node = eventsNode({ eventTypes: agentSpec().types, ignoreOwn: false, ...props });
    await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }]);
    return watch(String(node.tag));
  }

  async function watch(tag: string): Promise<Started> {
    const received = collect('events');
    const warnings: string[] = [];
    helper.getNode('ev').on('call:warn', (call: { args: unknown[] }) => warnings.push(String(call.args[0])));
    await reading(sim(), tag);
    return { tag, received, warnings };
  }

  const closing = (started: Started, text: string): Promise<void> => closingMessage(sim(), started.tag, started.received, text);

  const feed = (tag: string) => sim().datafeeds().find((f) => f.tag === tag);

  /** Until the feed holds nothing: every answer given was acknowledged (a lost one given again first). */
  const delivered = (tag: string): Promise<void> => until('every answer acknowledged', () => {
    const f = feed(tag);
    return f !== undefined && f.reading && f.queued === 0 && f.unacknowledged === 0;
  }, 15_000);

  // A lost answer comes again after the visibility timeout: short here, so tests wait for it, not for 30 s.
  beforeEach(function () {
    sim().setVisibilityTimeoutMs(300);
  });

  it('skips null, non-objects, unknown types and malformed events with one warning each, and delivers the rest', async function () {
    const started = await start();
    const first = wellFormedEvent('MESSAGESENT', 'good-1', T0, 1);
    const second = wellFormedEvent('ROOMCREATED', 'good-2', T0, 2);
    const noMessage = wellFormedEvent('MESSAGESENT', 'no-message', T0, 3);
    (noMessage.payload as Json).messageSent = {};
    const answer = [
      null, first, 42, 'MESSAGESENT', [first], {},
      { ...wellFormedEvent('ROOMUPDATED', 'unknown-type', T0), type: 'ROOMRENAMED' },
      noMessage,
      { ...wellFormedEvent('USERJOINEDROOM', 'payload-text', T0), payload: 'joined' },
      { ...wellFormedEvent('CONNECTIONACCEPTED', 'type-number', T0), type: 5 },
      second,
    ];
    sim().queueDatafeedEvents({ tag: started.tag, events: answer });
    // The answer is acknowledged: the node's next read says so, and the feed holds nothing of it any more.
    await until('the answer acknowledged', () => feed(started.tag)?.reading === true && feed(started.tag)?.unacknowledged === 0);
    await closing(started, 'after the junk');
    assert.deepEqual(started.received.map((m) => m.payload), [first, second]);
    assert.equal(started.warnings.length, 9, started.warnings.join('\n'));
    const about = (id: string): string => started.warnings.find((w) => w.includes(`"${id}"`)) ?? '';
    assert.match(about('unknown-type'), /unknown type "ROOMRENAMED"/);
    assert.match(about('no-message'), /payload\.messageSent\.message is missing/);
    assert.match(about('payload-text'), /payload is JSON string/);
    assert.match(about('type-number'), /type is JSON integer/);
    assert.equal(started.warnings.filter((w) => /without id/.test(w)).length, 5, 'null, 42, a string, an array and {} have no id');
    assert.match(started.warnings[0] ?? '', /not an object \(JSON null\)/);
  });

  it('delivers distinct events that share an id, and each repeat once, also when the agent repeats a lost answer', async function () {
    const started = await start();
    const sent = wellFormedEvent('MESSAGESENT', 'shared-id', T0, 1);
    const otherType = wellFormedEvent('SYMPHONYELEMENTSACTION', 'shared-id', T0, 2);
    const otherTime = wellFormedEvent('MESSAGESENT', 'shared-id', T0 + 1, 3);
    const repeat = structuredClone(sent);
    // The answer with all four is lost on its way: the agent gives it again once its visibility timeout is over.
    sim().loseDatafeedAnswers({ tag: started.tag });
    sim().queueDatafeedEvents({ tag: started.tag, events: [sent, otherType, otherTime, repeat] });
    await delivered(started.tag);
    sim().queueDatafeedEvents({ tag: started.tag, events: [structuredClone(otherType), wellFormedEvent('MESSAGESENT', 'shared-id', T0 + 1, 9)] });
    await closing(started, 'after the repeats');
    assert.deepEqual(started.received.map((m) => identity(m.payload)), [sent, otherType, otherTime].map(identity));
    assert.deepEqual(started.received.map((m) => m.payload), [sent, otherType, otherTime]);
    assert.equal(feed(started.tag)?.answersToLose, 0, 'an answer was lost');
    assert.deepEqual(started.warnings, []);
  });

  describe('property: random answers of well-formed events and junk', function () {
    const types = (): string[] => agentSpec().types;

    type Item =
      | { kind: 'good'; type: string; idSlot: number; timeSlot: number; n: number }
      | { kind: 'copy'; pick: number }
      | { kind: 'spoiled'; type: string; spoiler: string; n: number; withId: boolean }
      | { kind: 'junk'; value: unknown };

    const junkValue = fc.oneof(
      fc.constant(null), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ maxLength: 12 }),
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    );

    function itemArb(): fc.Arbitrary<Item> {
      return fc.oneof(
        { weight: 5, arbitrary: fc.record({ kind: fc.constant('good' as const), type: fc.constantFrom(...types()), idSlot: fc.nat(4), timeSlot: fc.nat(2), n: fc.nat(40) }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('copy' as const), pick: fc.nat(100) }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('spoiled' as const), type: fc.constantFrom(...types()), spoiler: fc.constantFrom(...SPOILER_NAMES), n: fc.nat(40), withId: fc.boolean() }) },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('junk' as const), value: junkValue }) },
      );
    }

    interface Answer { events: unknown[]; lose: boolean }

    /** Events from the descriptions; ids carry the run number, so that runs never share an event. */
    function materialise(run: number, answers: Array<{ items: Item[]; lose: boolean }>): Answer[] {
      const goods: Json[] = [];
      let spoiled = 0;
      return answers.map(({ items, lose }) => ({
        lose,
        events: items.flatMap((item): unknown[] => {
          switch (item.kind) {
            case 'good': {
              const event = wellFormedEvent(item.type, `run${run}-event${item.idSlot}`, T0 + item.timeSlot, item.n);
              goods.push(event);
              return [event];
            }
            case 'copy':
              return goods.length > 0 ? [structuredClone(goods[item.pick % goods.length])] : [];
            case 'spoiled': {
              spoiled += 1;
              const base = wellFormedEvent(item.type, `run${run}-spoiled${spoiled}`, T0, item.n);
              if (!item.withId) delete base.id;
              const event = spoiledEvent(base, item.spoiler);
              return event ? [event] : [];
            }
            default:
              return [item.value];
          }
        }),
      }));
    }

    it('every well-formed event reaches the flow exactly once, in order; each other one makes one warning', async function () {
      this.timeout(240_000);
      // The generators make what they say: well-formed events the spec accepts, spoiled ones it does not.
      for (const type of types()) {
        const event = wellFormedEvent(type, 'x', T0, 3);
        assert.ok(wellFormed(event), type);
        for (const spoiler of SPOILER_NAMES) {
          const spoiled = spoiledEvent(event, spoiler);
          if (spoiled) assert.ok(!wellFormed(spoiled), `${type} ${spoiler}`);
        }
      }
      const started = await start();
      let run = 0;
      const answersArb = fc.array(
        fc.record({ items: fc.array(itemArb(), { minLength: 1, maxLength: 10 }), lose: fc.nat(3).map((n) => n === 0) }),
        { minLength: 1, maxLength: 4 },
      );
      await fc.assert(fc.asyncProperty(answersArb, async (described) => {
        run += 1;
        const answers = materialise(run, described);
        // The oracle: well-formed per the spec, first appearance of each identity.
        const expected: unknown[] = [];
        const identities = new Set<string>();
        const junk: unknown[] = [];
        for (const event of answers.flatMap((a) => a.events)) {
          if (!wellFormed(event)) junk.push(event);
          else if (!identities.has(identity(event))) {
            identities.add(identity(event));
            expected.push(event);
          }
        }
        const received = started.received.length;
        const warned = started.warnings.length;
        for (const answer of answers) {
          await reading(sim(), started.tag);
          if (answer.lose) sim().loseDatafeedAnswers({ tag: started.tag });
          sim().queueDatafeedEvents({ tag: started.tag, events: answer.events });
          // In order across answers: the next is queued once this one (given again if lost) is acknowledged.
          await delivered(started.tag);
        }
        await closing(started, `end of run ${run}`);
        assert.deepEqual(started.received.slice(received).map((m) => m.payload), expected);
        const warnings = started.warnings.slice(warned);
        assert.equal(warnings.length, junk.length, warnings.join('\n'));
        for (const event of junk) {
          const id = (event as Json | null)?.id;
          if (typeof id === 'string') assert.ok(warnings.some((w) => w.includes(JSON.stringify(id))), `a warning names ${id}`);
        }
      }), { numRuns: 50 });
    });

  });

  describe('a redeploy racing a lost feed', function () {
    // A backoff longer than any test: only a feed recreated at once lets the node read again.
    const slowBackoff = { backoffInitialMs: 600_000, backoffMaxMs: 600_000 };

    async function redeploy(started: Started, betweenFlows: () => void): Promise<Started> {
      const node = eventsNode({ eventTypes: agentSpec().types, ignoreOwn: false, ...slowBackoff, tag: started.tag });
      await helper.unload();
      betweenFlows();
      await loadFlow([configNode(sim()), node, { id: 'events', type: 'helper' }]);
      const received = collect('events');
      const warnings: string[] = [];
      helper.getNode('ev').on('call:warn', (call: { args: unknown[] }) => warnings.push(String(call.args[0])));
      return { tag: started.tag, received, warnings };
    }

    async function deliversAfter(started: Started, lostFeed: string): Promise<void> {
      await until('a new feed, read at once', () => sim().datafeeds().some((f) => f.tag === started.tag && f.reading && f.id !== lostFeed));
      const events = [wellFormedEvent('MESSAGESENT', 'after-1', T0, 1), null, wellFormedEvent('USERJOINEDROOM', 'after-2', T0, 2)];
      sim().queueDatafeedEvents({ tag: started.tag, events });
      await closing(started, 'after the new feed');
      assert.deepEqual(started.received.map((m) => m.payload), [events[0], events[2]]);
      assert.equal(started.warnings.length, 1);
      assert.equal(sim().datafeeds().filter((f) => f.tag === started.tag).length, 1);
    }

    it('recreates at once a feed lost while the flow was stopped', async function () {
      const first = await start(slowBackoff);
      const lostFeed = feed(first.tag)?.id ?? '';
      const started = await redeploy(first, () => assert.equal(sim().dropDatafeeds({ tag: first.tag }), 1));
      await deliversAfter(started, lostFeed);
    });

    it('recreates at once a feed lost while the redeployed node\'s first read waits', async function () {
      const first = await start(slowBackoff);
      const lostFeed = feed(first.tag)?.id ?? '';
      const started = await redeploy(first, () => undefined);
      await reading(sim(), started.tag);
      assert.equal(feed(started.tag)?.id, lostFeed, 'the redeployed node reads the same feed');
      assert.equal(sim().dropDatafeeds({ tag: started.tag }), 1);
      await deliversAfter(started, lostFeed);
    });
  });
});
