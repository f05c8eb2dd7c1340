import type { ValidateFunction } from 'ajv';
import type { ExactlyOneOf, OperationSpec, ParamSpec, ParamValues } from '../../catalogue/types';
import { SymphonyError, inputError, isSymphonyError } from '../core/errors';
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

/** A field value Node-RED evaluates asynchronously (JSONata, a context store kept outside memory). */
class Pending {
  constructor(readonly promise: Promise<unknown>) {}
}

function unreadable(operation: string, name: string, fieldType: string, err: unknown): SymphonyError {
  return inputError(operation, name, text('runtime.errors.input.unreadable', { type: fieldType, message: err instanceof Error ? err.message : String(err) }));
}

/**
 * A TypedInput field's value for this msg, at once when Node-RED gives it at once (msg, flow and global in memory,
 * str, num...), else a Pending. A field left blank reads msg.<name>, the same property name on every node, so a
 * flow can drive any field from the message. Throws (or the Pending rejects) naming the field.
 */
function readField(RED: NodeAPI, node: Node, msg: NodeMessage, value: unknown, type: unknown, name: string, operation: string): unknown {
  const fieldType = typeof type === 'string' && type ? type : 'str';
  // Field names are plain names: msg[name] is what Node-RED's property expression would read.
  if (isBlank(value)) return fieldType === 'bool' ? undefined : msg[name];
  let settled = false;
  let failure: unknown;
  let result: unknown;
  let later: ((err: unknown, value: unknown) => void) | undefined;
  try {
    RED.util.evaluateNodeProperty(String(value), fieldType, node, msg, (err, evaluated) => {
      if (later) later(err, evaluated);
      else {
        settled = true;
        failure = err;
        result = evaluated;
      }
    });
  } catch (err) {
    throw unreadable(operation, name, fieldType, err);
  }
  if (settled) {
    if (failure) throw unreadable(operation, name, fieldType, failure);
    return result;
  }
  return new Pending(new Promise((resolve, reject) => {
    later = (err, evaluated) => (err ? reject(unreadable(operation, name, fieldType, err)) : resolve(evaluated));
  }));
}

/** A TypedInput field's value for this msg (see readField), as a promise. */
export function resolveField(RED: NodeAPI, node: Node, msg: NodeMessage, value: unknown, type: unknown, name: string, operation: string): Promise<unknown> {
  try {
    const read = readField(RED, node, msg, value, type, name, operation);
    return read instanceof Pending ? read.promise : Promise.resolve(read);
  } catch (err) {
    return Promise.reject(err);
  }
}

/** Field types whose value is the same for every msg: evaluated (and checked) once, when the node is deployed. */
const CONSTANT_TYPES: ReadonlySet<string> = new Set(['str', 'num', 'bool', 'json']);

/** What one parameter becomes: a value, or nothing (left out of the call). */
type Settled = { value: unknown } | undefined;

/** A constant field's outcome: kept as is, or its error, thrown again (a fresh copy) for every msg. */
type Constant = { ok: true; settled: Settled } | { ok: false; error: unknown };

/** How a node reads its inputs, worked out when it is deployed. */
export interface InputPlan {
  readonly op: OperationSpec;
  readonly fields: ReadonlyArray<{ param: ParamSpec; value: unknown; type: unknown; constant?: Constant }>;
  readonly options: Record<string, string>;
  /** The identity when it does not depend on the msg. */
  readonly identity?: Constant & { identity?: Identity };
}

function isConstant(value: unknown, type: unknown): boolean {
  return !isBlank(value) && CONSTANT_TYPES.has(typeof type === 'string' && type ? type : 'str');
}

function constantOutcome(run: () => Settled): Constant {
  try {
    return { ok: true, settled: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A copy of a constant: a msg may change what the node puts on it, and that must not reach the next msg. */
function constantValue(constant: Constant): Settled {
  if (!constant.ok) {
    const { error } = constant;
    throw isSymphonyError(error) ? new SymphonyError(error.code, error.message, { ...error.cause }) : error;
  }
  const { settled } = constant;
  return settled && typeof settled.value === 'object' && settled.value !== null ? { value: copy(settled.value) } : settled;
}

/** A constant's value is JSON data; a list (of ids, names) is copied without the cost of structuredClone. */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  return value !== null && typeof value === 'object' ? structuredClone(value) : value;
}

/** The node's fields, with every constant one read, normalised and checked now rather than for each msg. */
export function planInputs(RED: NodeAPI, node: Node, config: OperationNodeConfig, op: OperationSpec, t: Translate): InputPlan {
  const noMsg: NodeMessage = {};
  const fields = op.params.map((param) => {
    const value = config[param.name];
    const type = config[`${param.name}Type`];
    if (!isConstant(value, type)) return { param, value, type };
    const constant = constantOutcome(() => settle(param, readField(RED, node, noMsg, value, type, param.name, op.id), op, t));
    return { param, value, type, constant };
  });
  let identity: InputPlan['identity'];
  if ((config.actAs ?? 'bot') === 'bot' || op.oboPermissions === null) identity = { ok: true, settled: undefined, identity: { kind: 'bot' } };
  else if (isConstant(config.oboUser, config.oboUserType)) {
    let found: Identity | undefined;
    const outcome = constantOutcome(() => {
      found = identityOf(readField(RED, node, noMsg, config.oboUser, config.oboUserType, 'oboUser', op.id), config, op, t);
      return undefined;
    });
    identity = outcome.ok ? { ...outcome, identity: found } : outcome;
  }
  return { op, fields, options: resolveOptions(config, op), identity };
}

/** A raw value (`fromAnswer`: the previous node's answer) as the call takes it; throws naming the field. */
function settle(param: ParamSpec, raw: unknown, op: OperationSpec, t: Translate, fromAnswer = false): Settled {
  // A query value of only spaces would go out as an empty filter: it counts as not set.
  if (isBlank(raw) || (param.in === 'query' && typeof raw === 'string' && raw.trim() === '')) {
    if (param.required) throw inputError(op.id, param.name, t(requiredKey(param), { field: param.name }));
    return undefined;
  }
  const result = normalise(param, raw);
  if (!result.ok) {
    throw inputError(op.id, param.name, fromAnswer ? t('runtime.errors.input.fromPayload', { field: param.name, error: result.error }) : result.error);
  }
  return { value: result.value };
}

/** The parameter a rule lets a text msg.payload fill, when the rule has none of its parameters set. */
function payloadTextParam(rule: ExactlyOneOf, op: OperationSpec, payload: unknown): ParamSpec | undefined {
  if (!rule.payloadText || typeof payload !== 'string' || payload.trim() === '') return undefined;
  const name = rule.payloadText(payload);
  return rule.exactlyOneOf.includes(name) ? op.params.find((param) => param.name === name) : undefined;
}

/**
 * Reads, normalises and validates every parameter; the first problem is thrown naming its field. Fields are read
 * in catalogue order, so the field named is the same whether or not a constant's check was made at deploy. The
 * values come at once when every field could be read at once (constants, msg, flow and global in memory), else as
 * a promise: a msg then costs no promise of its own.
 */
export function resolveInputs(
  RED: NodeAPI, node: Node, plan: InputPlan, msg: NodeMessage, validate: ValidateFunction, t: Translate,
): ParamValues | Promise<ParamValues> {
  const { op } = plan;
  const values: ParamValues = {};
  const { fields } = plan;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    if (field.constant) {
      keep(values, field.param, constantValue(field.constant));
      continue;
    }
    const raw = readField(RED, node, msg, field.value, field.type, field.param.name, op.id);
    if (raw instanceof Pending) return readOnLater(index, raw.promise);
    keep(values, field.param, settleRead(field, raw, msg, op, t));
  }
  return checked(plan, values, msg, validate, t);

  /** The rest of the fields once the field at `index` has been read (a JSONata expression, a store on disk). */
  async function readOnLater(index: number, pending: Promise<unknown>): Promise<ParamValues> {
    let raw = await pending;
    for (let at = index; at < fields.length; at++) {
      const field = fields[at]!;
      if (at > index) {
        if (field.constant) {
          keep(values, field.param, constantValue(field.constant));
          continue;
        }
        raw = readField(RED, node, msg, field.value, field.type, field.param.name, op.id);
        if (raw instanceof Pending) raw = await raw.promise;
      }
      keep(values, field.param, settleRead(field, raw, msg, op, t));
    }
    return checked(plan, values, msg, validate, t);
  }
}

function keep(values: ParamValues, param: ParamSpec, settled: Settled): void {
  if (settled) values[param.name] = settled.value;
}

/** A field read from the msg: a blank user or stream field that finds nothing there takes the previous node's answer (msg.payload). */
function settleRead(field: InputPlan['fields'][number], raw: unknown, msg: NodeMessage, op: OperationSpec, t: Translate): Settled {
  const answer = isBlank(raw) && isBlank(field.value) ? previousAnswer(field.param, msg.payload) : undefined;
  return answer === undefined ? settle(field.param, raw, op, t) : settle(field.param, answer, op, t, true);
}

/** The values after the rules between fields (exactly one of...) and the entry's schema. */
function checked(plan: InputPlan, values: ParamValues, msg: NodeMessage, validate: ValidateFunction, t: Translate): ParamValues {
  const { op } = plan;
  for (const rule of op.rules ?? []) {
    let found = rule.exactlyOneOf.filter((name) => values[name] !== undefined);
    const fromText = found.length === 0 ? payloadTextParam(rule, op, msg.payload) : undefined;
    if (fromText) {
      const settled = settle(fromText, msg.payload, op, t, true);
      if (settled) values[fromText.name] = settled.value;
      found = [fromText.name];
    }
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

/** Who the call runs as: the bot, or the user given in the node or msg.oboUser; at once unless a field is read later. */
export function resolveIdentity(RED: NodeAPI, node: Node, config: OperationNodeConfig, plan: InputPlan, msg: NodeMessage, t: Translate): Identity | Promise<Identity> {
  const known = plan.identity;
  if (known) {
    constantValue(known);
    return known.identity!;
  }
  const raw = readField(RED, node, msg, config.oboUser, config.oboUserType, 'oboUser', plan.op.id);
  if (raw instanceof Pending) return raw.promise.then((value) => identityOf(value, config, plan.op, t));
  return identityOf(raw, config, plan.op, t);
}

function identityOf(raw: unknown, config: OperationNodeConfig, op: OperationSpec, t: Translate): Identity {
  if (isBlank(raw)) throw inputError(op.id, 'oboUser', t('runtime.errors.input.oboUserMissing'));
  if (config.actAs === 'userId') {
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
