import type { ValidateFunction } from 'ajv';
import type { OperationSpec, ParamValues } from '../../catalogue/types';
import { inputError } from '../core/errors';
import { text, type Translate } from '../core/i18n';
import { describeSchemaError } from './input-schema';
import type { Node, NodeAPI, NodeMessage } from '../core/node-red';
import { normalise, normaliseId } from './normalise';
import { previousAnswer, requiredKey } from './answer-ids';
import { pathSegmentProblem } from './value-checks';
import type { Identity } from '../auth/token-manager';

/** Properties every operation node has, plus `<param>`/`<param>Type` pairs and options read by name. */
export interface OperationNodeConfig {
  id: string;
  name?: string;
  config?: string;
  actAs?: 'bot' | 'userId' | 'username';
  oboUser?: string;
  oboUserType?: string;
  outputProperty?: string;
  [field: string]: unknown;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * A TypedInput field's value for this msg. A field left blank reads msg.<name>, the same property name on
 * every node, so a flow can drive any field from the message.
 */
export function resolveField(RED: NodeAPI, node: Node, msg: NodeMessage, value: unknown, type: unknown, name: string, operation: string): Promise<unknown> {
  const fieldType = typeof type === 'string' && type ? type : 'str';
  if (isBlank(value)) {
    return Promise.resolve(fieldType === 'bool' ? undefined : RED.util.getMessageProperty(msg, name));
  }
  return new Promise((resolve, reject) => {
    const fail = (err: unknown): void => {
      reject(inputError(operation, name, text('runtime.errors.input.unreadable', { type: fieldType, message: err instanceof Error ? err.message : String(err) })));
    };
    try {
      RED.util.evaluateNodeProperty(String(value), fieldType, node, msg, (err, result) => (err ? fail(err) : resolve(result)));
    } catch (err) {
      fail(err);
    }
  });
}

/** Reads, normalises and validates every parameter; the first problem is thrown naming its field. */
export async function resolveInputs(
  RED: NodeAPI, node: Node, config: OperationNodeConfig, msg: NodeMessage, op: OperationSpec, validate: ValidateFunction, t: Translate,
): Promise<ParamValues> {
  const values: ParamValues = {};
  for (const param of op.params) {
    let raw = await resolveField(RED, node, msg, config[param.name], config[`${param.name}Type`], param.name, op.id);
    // A blank user or stream field that finds nothing on msg takes the previous node's answer (msg.payload).
    const answer = isBlank(raw) && isBlank(config[param.name]) ? previousAnswer(param, msg.payload) : undefined;
    if (answer !== undefined) raw = answer;
    // A query value of only spaces would go out as an empty filter: it counts as not set.
    if (isBlank(raw) || (param.in === 'query' && typeof raw === 'string' && raw.trim() === '')) {
      if (param.required) throw inputError(op.id, param.name, t(requiredKey(param), { field: param.name }));
      continue;
    }
    const result = normalise(param, raw);
    if (!result.ok) {
      throw inputError(op.id, param.name, answer === undefined ? result.error : t('runtime.errors.input.fromPayload', { field: param.name, error: result.error }));
    }
    values[param.name] = result.value;
  }
  for (const rule of op.rules ?? []) {
    const found = rule.exactlyOneOf.filter((name) => values[name] !== undefined);
    if (found.length !== 1) {
      throw inputError(op.id, rule.exactlyOneOf.join('|'), t('runtime.errors.input.exactlyOneOf', {
        fields: rule.exactlyOneOf.join(', '),
        found: found.length ? found.join(', ') : t('runtime.errors.input.nothing'),
      }));
    }
  }
  if (!validate(values)) {
    const { field, message } = describeSchemaError(validate.errors![0]!);
    throw inputError(op.id, field, message);
  }
  return values;
}

/** Who the call runs as: the bot, or the user given in the node or msg.oboUser. */
export async function resolveIdentity(RED: NodeAPI, node: Node, config: OperationNodeConfig, msg: NodeMessage, op: OperationSpec, t: Translate): Promise<Identity> {
  const actAs = config.actAs ?? 'bot';
  if (actAs === 'bot' || op.oboPermissions === null) return { kind: 'bot' };
  const raw = await resolveField(RED, node, msg, config.oboUser, config.oboUserType, 'oboUser', op.id);
  if (isBlank(raw)) throw inputError(op.id, 'oboUser', t('runtime.errors.input.oboUserMissing'));
  if (actAs === 'userId') {
    const id = normaliseId(raw);
    if (!id.ok) throw inputError(op.id, 'oboUser', id.error);
    return { kind: 'obo', by: 'userId', user: id.value as number };
  }
  if (typeof raw !== 'string' || raw.trim() === '') throw inputError(op.id, 'oboUser', t('runtime.errors.input.oboUsername'));
  const username = raw.trim();
  // The username is a segment of the OBO login path: ".." would log in somewhere else.
  const problem = pathSegmentProblem(username);
  if (problem) throw inputError(op.id, 'oboUser', problem);
  return { kind: 'obo', by: 'username', user: username };
}

/** The node's select options, each falling back to its catalogue default. */
export function resolveOptions(config: OperationNodeConfig, op: OperationSpec): Record<string, string> {
  const options: Record<string, string> = {};
  for (const option of op.options ?? []) {
    const value = config[option.name];
    options[option.name] = typeof value === 'string' && option.values.includes(value) ? value : option.default;
  }
  return options;
}
