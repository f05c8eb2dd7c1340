import { setMaxListeners } from 'node:events';
import type { OperationSpec, ParamValues } from '../../catalogue/types';
import type { ConfigUser, SymphonyConfigNode } from '../config/config-node';
import { SymphonyError } from '../core/errors';
import type { Translate } from '../core/i18n';
import { inputValidator } from './input-schema';
import { planInputs, resolveIdentity, resolveInputs, type OperationNodeConfig } from './inputs';
import type { Node, NodeAPI, NodeMessage } from '../core/node-red';
import { pagingChoice, readPages } from './paging';
import { CallsUnderWay } from './calls-under-way';
import { migrateOnLoad } from '../migrations/migrations-node';
import { outputProperty } from './output-property';
import { buildCall } from './request-builder';
import { StatusReporter } from './status-reporter';
import { statusSummary } from './status-summary';

/**
 * The one runtime behind every operation node type: read the inputs, authenticate through the config node,
 * send, put the result on msg.<outputProperty> and pass the rest of msg through. Every failure ends in
 * done(err), which hands the original msg to Catch nodes with msg.error.
 */
export function registerOperationNode(RED: NodeAPI, op: OperationSpec, t: Translate): void {
  RED.nodes.registerType(op.type, operationNodeConstructor(RED, op, t));
}

/** The constructor of the operation's node type. */
export function operationNodeConstructor(RED: NodeAPI, op: OperationSpec, t: Translate): (this: Node, saved: OperationNodeConfig) => void {
  return function OperationNode(this: Node, saved: OperationNodeConfig): void {
    RED.nodes.createNode(this, saved);
    const node = this;
    const config = migrateOnLoad(node, op.type, saved, t);
    const validate = inputValidator(op);
    // Constant fields are read and checked here, once; their errors still reach Catch with each msg.
    const plan = planInputs(RED, node, config, op, t);
    const symphony = (config.config ? RED.nodes.getNode(config.config) : null) as SymphonyConfigNode | null;
    const status = new StatusReporter(node, t, symphony?.simulated === true);
    const output = outputProperty(RED, config.outputProperty?.trim() || 'payload');
    const summarise = statusSummary(op, t, output.get);
    const stopped = new AbortController();
    // Every request under way listens to this one signal; a busy node legitimately has many.
    setMaxListeners(0, stopped.signal);
    const user: ConfigUser = { onAuthState: (state, error) => status.authState(state, error) };

    if (!symphony) status.failed(noConfigError(op, t), false);
    else if (symphony.startupError) status.failed(symphony.startupError, false);
    else symphony.register(user);

    /** Runs the operation for one msg; resolves with what to send: one msg, or one msg per item. */
    async function handle(msg: NodeMessage): Promise<NodeMessage | NodeMessage[]> {
      if (!symphony) throw noConfigError(op, t);
      const client = symphony.client;
      if (!client) {
        const cause = symphony.startupError;
        throw new SymphonyError('INVALID_CONFIG', t('runtime.errors.node.configInvalid', { message: cause?.message ?? '' }), {
          operation: op.id,
          field: cause?.cause.field,
        });
      }
      // Both come at once unless a field is read later (JSONata, a context store on disk).
      const who = resolveIdentity(RED, node, config, plan, msg, t);
      const identity = who instanceof Promise ? await who : who;
      const read = resolveInputs(RED, node, plan, msg, validate, t);
      const values = read instanceof Promise ? await read : read;
      const { options } = plan;
      const fetch = async (pageValues: ParamValues): Promise<unknown> => {
        const prepared = op.prepare ? await op.prepare(pageValues, options) : pageValues;
        const response = await client.execute(buildCall(op, prepared), identity, stopped.signal, (notice) => status.retrying(notice));
        const empty = response.status === 204 || response.data === '' || response.data === undefined;
        if (empty) return freshCopy(op.emptyResult ?? null);
        return op.result ? op.result(response.data) : response.data;
      };
      const choice = pagingChoice(config, op);
      if (op.annotate) Object.assign(msg, op.annotate(values));
      if (!op.paging || !choice) {
        output.set(msg, await fetch(values));
        return msg;
      }
      const paged = await readPages(op.paging, choice, values, fetch, op.id);
      // All pages: say how many items were read and whether the cap cut the list short.
      if (choice.allPages) msg.paging = { items: paged.items.length, truncated: paged.truncated };
      if (!choice.perItem) {
        output.set(msg, paged.result);
        return msg;
      }
      return paged.items.map((item, index) => {
        const copy = RED.util.cloneMessage(msg);
        output.set(copy, item);
        // Like the core split node, so a join node can reassemble the list.
        copy.parts = { id: msg._msgid, index, count: paged.items.length, type: 'array', len: 1 };
        return copy;
      });
    }

    const calls = new CallsUnderWay(RED, node, t, status, op.id);

    node.on('input', (msg, send, done) => {
      status.started();
      calls.run(msg, done, handle(msg), (out) => ({
        status: summarise?.(out),
        send: () => {
          if (!Array.isArray(out)) send(out);
          else if (out.length > 0) send([out]);
        },
      }));
    });

    node.on('close', (_removed, done) => {
      stopped.abort();
      symphony?.deregister(user);
      calls.stop(done);
    });
  };
}

/** The catalogue's empty result is shared by every msg: each gets its own copy, so a flow may change it. */
function freshCopy(value: unknown): unknown {
  return Buffer.isBuffer(value) ? Buffer.from(value) : structuredClone(value);
}

function noConfigError(op: OperationSpec, t: Translate): SymphonyError {
  return new SymphonyError('INVALID_CONFIG', t('runtime.errors.node.noConfig'), { operation: op.id, field: 'config' });
}
