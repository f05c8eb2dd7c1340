/**
 * The `symphony-form` node: sends a Symphony Elements form built from its dialog's fields, and takes the replies to
 * that form. Two roles on one input: a SYMPHONYELEMENTSACTION msg (from an events or datahose node) is a reply,
 * routed to the second output with its values typed when its form id is this node's, dropped otherwise; any other
 * msg sends the form (as the bot) to the stream, and goes out of the first output with the sent message.
 */
import { setMaxListeners } from 'node:events';
import { catalogue } from '../../catalogue/index';
import type { ConfigUser, SymphonyConfigNode } from '../config/config-node';
import { SymphonyError, inputError } from '../core/errors';
import type { Translate } from '../core/i18n';
import type { Node, NodeAPI, NodeMessage } from '../core/node-red';
import { FORM_TYPE } from '../core/node-types';
import { CallsUnderWay } from '../operations/calls-under-way';
import { handOver } from '../operations/hand-over';
import { resolveField } from '../operations/inputs';
import { normalise } from '../operations/normalise';
import { buildCall } from '../operations/request-builder';
import { StatusReporter } from '../operations/status-reporter';
import { checkFields, type FormField } from './form-fields';
import { formIdOf, formMessageML } from './form-messageml';
import { typeReplyValues, type FormValues } from './form-values';

export { FORM_TYPE } from '../core/node-types';
const OPERATION = 'form';

interface FormNodeConfig {
  id: string;
  config?: string;
  streamId?: string;
  streamIdType?: string;
  title?: string;
  intro?: string;
  fields?: unknown;
}

const SEND = catalogue.find((op) => op.id === 'message-send')!;
const STREAM_PARAM = SEND.params.find((p) => p.name === 'streamId')!;

/** A msg an events node made of a form reply (nodes/runtime/events/event-message.ts). */
export function isFormReply(msg: NodeMessage): boolean {
  return msg.topic === 'SYMPHONYELEMENTSACTION' && typeof msg.formId === 'string';
}

export function registerFormNode(RED: NodeAPI, t: Translate): void {
  RED.nodes.registerType(FORM_TYPE, formNodeConstructor(RED, t));
}

/** The constructor of the form node type. */
export function formNodeConstructor(RED: NodeAPI, t: Translate): (this: Node, config: FormNodeConfig) => void {
  return function FormNode(this: Node, config: FormNodeConfig): void {
    RED.nodes.createNode(this, config);
    const node = this;
    const status = new StatusReporter(node, t);
    const symphony = (config.config ? RED.nodes.getNode(config.config) : null) as SymphonyConfigNode | null;
    const formId = formIdOf(node.id);
    const stopped = new AbortController();
    setMaxListeners(0, stopped.signal);
    const user: ConfigUser = { onAuthState: (state, error) => status.authState(state, error) };
    let replies = 0;

    const checked = checkFields(config.fields);
    const fieldsError = checked.ok ? undefined : inputError(OPERATION, 'fields', t(checked.problem.key, checked.problem.substitutions));
    if (!symphony) status.failed(noConfig(t), false);
    else if (fieldsError) status.failed(fieldsError, false);
    else if (symphony.startupError) status.failed(symphony.startupError, false);
    else symphony.register(user);

    async function sendForm(msg: NodeMessage): Promise<void> {
      if (!symphony) throw noConfig(t);
      if (fieldsError) throw fieldsError;
      const client = symphony.client;
      if (!client) {
        throw new SymphonyError('INVALID_CONFIG', t('runtime.errors.node.configInvalid', { message: symphony.startupError?.message ?? '' }), {
          operation: OPERATION, field: symphony.startupError?.cause.field,
        });
      }
      const raw = await resolveField(RED, node, msg, config.streamId ?? 'streamId', config.streamIdType ?? 'msg', 'streamId', OPERATION);
      if (raw === undefined || raw === null || raw === '') throw inputError(OPERATION, 'streamId', t('runtime.form.noStream'));
      const stream = normalise(STREAM_PARAM, raw);
      if (!stream.ok) throw inputError(OPERATION, 'streamId', stream.error);
      const message = formMessageML(formId, (checked as { fields: FormField[] }).fields, {
        title: config.title ?? '', intro: config.intro ?? '', numberError: t('runtime.form.numberError'),
      });
      const response = await client.execute(buildCall(SEND, { streamId: stream.value, message }), { kind: 'bot' }, stopped.signal, (notice) => status.retrying(notice));
      msg.payload = response.data;
      msg.formId = formId;
      msg.streamId = stream.value;
      const sent = response.data as { messageId?: unknown } | undefined;
      if (typeof sent?.messageId === 'string') msg.formMessageId = sent.messageId;
    }

    function routeReply(msg: NodeMessage, send: (out: Array<NodeMessage | null>) => void): void {
      if (msg.formId !== formId || !checked.ok) return;
      const values = msg.formValues && typeof msg.formValues === 'object' ? msg.formValues as FormValues : {};
      msg.payload = typeReplyValues(checked.fields, values);
      msg.formAction = (msg.payload as FormValues).action;
      replies += 1;
      status.started();
      status.succeeded({ fill: 'green', shape: 'dot', text: t(replies === 1 ? 'runtime.form.status.reply' : 'runtime.form.status.replies', { count: replies }) });
      send([null, msg]);
    }

    const calls = new CallsUnderWay(RED, node, t, status, OPERATION);

    node.on('input', (msg, send, done) => {
      if (isFormReply(msg)) {
        handOver(RED, node, t, msg, () => {
          routeReply(msg, send as (out: Array<NodeMessage | null>) => void);
          done();
        });
        return;
      }
      status.started();
      calls.run(msg, done, sendForm(msg), () => ({
        status: { fill: 'green', shape: 'dot', text: t('runtime.form.status.sent') },
        send: () => send([msg, null]),
      }));
    });

    node.on('close', (_removed, done) => {
      stopped.abort();
      symphony?.deregister(user);
      calls.stop(done);
    });
  };
}

function noConfig(t: Translate): SymphonyError {
  return new SymphonyError('INVALID_CONFIG', t('runtime.errors.node.noConfig'), { operation: OPERATION, field: 'config' });
}
