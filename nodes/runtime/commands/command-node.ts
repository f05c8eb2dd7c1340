/**
 * The `symphony-command` node: placed after the events node, it matches each message against its slash-command
 * patterns (command-pattern.ts, command-match.ts) and sends it on the output of the first command that matches,
 * with msg.command = { name, pattern, args }, or on the last output when none does. msg.payload is left as it
 * came (the event). With "answer /help" on, `/help` (unless a pattern of the list takes it) is answered in the
 * message's stream by the node itself, through its config node, as the bot.
 */
import { inputError, isSymphonyError, SymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { Node, NodeAPI, NodeMessage, SendFn } from '../core/node-red';
import type { SymphonyConfigNode } from '../config/config-node';
import { MultipartBody } from '../http/multipart';
import { handOver } from '../operations/hand-over';
import { botIdentity, type BotIdentity } from './bot-identity';
import { helpMessageML } from './command-help';
import { commandLine, matchCommand, type CommandInput } from './command-match';
import { parsePattern, type CommandPattern, type PatternProblem } from './command-pattern';

export interface CommandRow {
  pattern?: unknown;
  description?: unknown;
}

interface CommandNodeConfig {
  config?: string;
  commands?: unknown;
  requireMention?: boolean | string;
  help?: boolean | string;
}

/** Literal keys, so the i18n test sees every text. */
const PROBLEM_KEYS: Readonly<Record<PatternProblem, string>> = {
  empty: 'runtime.command.problems.empty',
  noSlash: 'runtime.command.problems.noSlash',
  badName: 'runtime.command.problems.badName',
  badArgument: 'runtime.command.problems.badArgument',
  unknownType: 'runtime.command.problems.unknownType',
  duplicate: 'runtime.command.problems.duplicate',
  restNotLast: 'runtime.command.problems.restNotLast',
  requiredAfterOptional: 'runtime.command.problems.requiredAfterOptional',
};

const flag = (value: unknown, fallback: boolean): boolean => (value === undefined || value === '' ? fallback : value === true || value === 'true');

/** The rows as saved: an array of { pattern, description }; anything else is no rows. */
export function commandRows(saved: unknown): Array<{ pattern: string; description: string }> {
  if (!Array.isArray(saved)) return [];
  return saved.map((row: CommandRow | null) => ({
    pattern: typeof row?.pattern === 'string' ? row.pattern : '',
    description: typeof row?.description === 'string' ? row.description : '',
  }));
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined);

/** What the msg says of its message: the events node's (or the parse message node's) properties. */
function inputOf(msg: NodeMessage): CommandInput | undefined {
  if (typeof msg.text !== 'string') return undefined;
  const mentions = Array.isArray(msg.mentions)
    ? (msg.mentions as unknown[]).flatMap((m) => {
      if (!m || typeof m !== 'object') return [];
      const { id, name } = m as { id?: unknown; name?: unknown };
      return [{ ...(typeof id === 'number' ? { id } : {}), ...(typeof name === 'string' && name ? { name } : {}) }];
    })
    : [];
  return { text: msg.text, mentions, hashtags: strings(msg.hashtags), cashtags: strings(msg.cashtags) };
}

/** The constructor of the command node type. */
export function commandNodeConstructor(RED: NodeAPI, t: Translate): (this: Node & { send: SendFn }, config: CommandNodeConfig) => void {
  return function CommandNode(this: Node & { send: SendFn }, config: CommandNodeConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const rows = commandRows(config.commands);
    const requireMention = flag(config.requireMention, false);
    const answerHelp = flag(config.help, true);
    const symphony = (config.config ? RED.nodes.getNode(config.config) : null) as SymphonyConfigNode | null;

    // A bad pattern keeps its output (wires stay where they are) and never matches.
    let invalid = 0;
    const patterns: Array<CommandPattern | undefined> = rows.map((row, index) => {
      const parsed = parsePattern(row.pattern);
      if (parsed.ok) return parsed.pattern;
      invalid += 1;
      node.warn(t('runtime.command.warnings.invalidPattern', { number: index + 1, pattern: row.pattern, problem: t(PROBLEM_KEYS[parsed.problem], { token: parsed.token ?? '' }) }));
      return undefined;
    });
    if (invalid > 0) node.status({ fill: 'yellow', shape: 'ring', text: t('runtime.command.status.invalid', { count: invalid }) });

    function client(): NonNullable<SymphonyConfigNode['client']> {
      if (symphony?.client) return symphony.client;
      throw symphony?.startupError ?? new SymphonyError('INVALID_CONFIG', t('runtime.status.noConfig'), { operation: 'command', field: 'config' });
    }

    async function answerHelpIn(msg: NodeMessage, bot: BotIdentity | undefined): Promise<void> {
      if (typeof msg.streamId !== 'string' || msg.streamId === '') throw inputError('command', 'streamId', t('runtime.command.errors.noStream'));
      const form = new MultipartBody().text('message', helpMessageML(rows.filter((_, i) => patterns[i] !== undefined), requireMention ? bot?.displayName : undefined));
      await client().execute({
        operation: 'command-help', api: 'agent', method: 'POST', path: `/agent/v4/stream/${encodeURIComponent(msg.streamId)}/message/create`,
        query: {}, body: form, idempotent: false, needsKeyManager: true,
      }, { kind: 'bot' });
      node.status({ fill: 'green', shape: 'dot', text: t('runtime.command.status.helpSent') });
    }

    /** The output index for the msg, or undefined when the node answered /help itself. */
    async function route(msg: NodeMessage): Promise<number | undefined> {
      const input = inputOf(msg);
      if (!input) return rows.length;
      // The bot's identity is asked only when it matters: a required mention, or a message that starts with one.
      const bot = requireMention || /^\s*@/.test(input.text) ? await botIdentity(client()) : undefined;
      const options = { botId: bot?.id, requireMention };
      const match = matchCommand(patterns, input, options);
      if (match) {
        msg.command = { name: match.pattern.name, pattern: match.pattern.source, args: match.args };
        return match.index;
      }
      if (answerHelp && commandLine(input, options)?.name === 'help') {
        await answerHelpIn(msg, bot);
        return undefined;
      }
      return rows.length;
    }

    node.on('input', (msg, send, done) => {
      route(msg).then(
        (output) => handOver(RED, node, t, msg, () => {
          if (output !== undefined) {
            const out: Array<NodeMessage | null> = Array.from({ length: rows.length + 1 }, () => null);
            out[output] = msg;
            send(out);
          }
          done();
        }),
        (err: unknown) => {
          const error = isSymphonyError(err) ? err : new SymphonyError('INVALID_INPUT', String(err), { operation: 'command' });
          handOver(RED, node, t, msg, () => done(error), error);
        },
      );
    });
  };
}
