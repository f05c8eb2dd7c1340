import type { OperationSpec, ParamSpec } from '../../nodes/catalogue/types';
import { BuildError } from './errors';
import { collectOboEndpoints } from './obo-endpoints';
import { operationProperties } from './operation-node';
import { pagingProperties } from './paging-fields';

/** Node properties Node-RED keeps for itself (editor: `internalProperties`; runtime: credentials, env...). */
const NODE_RED_PROPERTIES = new Set(['changed', 'dirty', 'id', 'inputLabels', 'moved', 'outputLabels', 'selected', 'type',
  'users', 'status', 'valid', 'validationErrors', 'wires', 'credentials', 'info', 'env']);

/** Top-level locale sections that are not operation ids. */
const RESERVED_IDS = ['editor', 'config', 'runtime'];

const TYPE_PATTERN = /^symphony-[a-z0-9]+(-[a-z0-9]+)*$/;
const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** At least two characters: Node-RED reserves every one-letter property name. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]+$/;

/**
 * The node properties generated for an entry (common ones, `P` + `PType` per parameter, options, and for a paged
 * entry `pages`, `maxItems`, `split`) must not clash: the runtime reads each by name.
 */
function propertyProblems(op: OperationSpec): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const paging = new Set<string>(pagingProperties(op));
  for (const name of operationProperties(op)) {
    if (!NAME_PATTERN.test(name)) problems.push(`property name "${name}" must be an identifier of two or more characters`);
    if (NODE_RED_PROPERTIES.has(name)) problems.push(`property "${name}" is reserved by Node-RED`);
    if (seen.has(name)) {
      problems.push(paging.has(name)
        ? `property "${name}" is defined twice (a paged entry's node has ${[...paging].join(', ')}: rename the parameter or option)`
        : `property "${name}" is defined twice (a parameter or option clashes with another property)`);
    }
    seen.add(name);
  }
  return problems;
}

const ITEMS_PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

/** What the runtime's page reader (nodes/runtime/operations/paging.ts) needs from a paged entry. */
function pagingProblems(op: OperationSpec): string[] {
  const paging = op.paging;
  if (!paging) return [];
  const problems: string[] = [];
  const has = (name: string): boolean => op.params.some((param) => param.name === name);
  const needed = {
    'skip-limit': ['skip', 'limit'],
    cursor: paging.serverPageSize ? [paging.cursorParam ?? 'after'] : [paging.cursorParam ?? 'after', 'limit'],
    'last-item': [paging.cursorParam ?? '', 'limit'],
    'page-number': ['page', 'limit'],
  }[paging.style];
  for (const name of needed.filter((n) => n && !has(n))) problems.push(`paging style ${paging.style} needs a parameter named "${name}"`);
  if (paging.style === 'cursor' && !paging.cursorPath) problems.push('paging style cursor needs cursorPath (where the next cursor is in the answer)');
  if (paging.style === 'last-item' && (!paging.cursorParam || !paging.cursorField)) {
    problems.push('paging style last-item needs cursorParam (the parameter) and cursorField (the item field it takes)');
  }
  if (!Number.isSafeInteger(paging.maxPageSize) || paging.maxPageSize < 1) problems.push('paging maxPageSize must be a positive whole number');
  if (paging.items !== '' && !ITEMS_PATH.test(paging.items)) problems.push(`paging items "${paging.items}" must be '' or a dotted property path`);
  if (op.dynamicTarget) problems.push('the generic node (dynamicTarget) cannot page');
  return problems;
}

/** Which ids a kind may name: an id field says what it names, so only user fields take users (and so on). */
const ID_KINDS: Partial<Record<ParamSpec['kind'], readonly string[]>> = {
  id: ['user'],
  'id-list': ['user'],
  'stream-id': ['stream', 'message'],
};

function idOfProblems(param: ParamSpec): string[] {
  const allowed = ID_KINDS[param.kind];
  if (!allowed) return param.idOf ? [`parameter "${param.name}" of kind ${param.kind} takes no idOf`] : [];
  return param.idOf && allowed.includes(param.idOf) ? [] : [`parameter "${param.name}" of kind ${param.kind} needs idOf: ${allowed.join(' or ')}`];
}

function summaryProblems(op: OperationSpec): string[] {
  const summary = op.statusSummary;
  if (!summary) return [];
  // Ids have one text ("sent …"), counts a text for one and one for more (nodes/runtime/operations/status-summary.ts).
  if ((summary.show === 'id') !== (summary.text === 'sent')) return [`statusSummary text ${summary.text} does not show ${summary.show === 'id' ? 'an id' : 'a count'}`];
  if (summary.show === 'id' && !summary.at) return ['statusSummary show id needs at (where the id is in the answer)'];
  if (summary.show === 'count' && summary.at === undefined && !op.paging) return ['statusSummary show count needs at, or paging items'];
  return [];
}

function operationProblems(op: OperationSpec): string[] {
  const problems = [...propertyProblems(op), ...pagingProblems(op), ...summaryProblems(op)];
  if (!TYPE_PATTERN.test(op.type)) problems.push(`type must match ${TYPE_PATTERN}`);
  if (!ID_PATTERN.test(op.id) || RESERVED_IDS.includes(op.id)) problems.push(`id "${op.id}" must match ${ID_PATTERN} and not be ${RESERVED_IDS.join('/')}`);
  for (const param of op.params) {
    if (param.types.length === 0) problems.push(`parameter "${param.name}" offers no types`);
    if (param.default && !param.types.includes(param.default.type)) {
      problems.push(`parameter "${param.name}" default type "${param.default.type}" is not one of its types`);
    }
    if (param.kind === 'enum' && !param.enum?.length) problems.push(`enum parameter "${param.name}" lists no values`);
    problems.push(...idOfProblems(param));
    const placeholder = `{${param.wireName ?? param.name}}`;
    if (param.in === 'path' && !op.path.includes(placeholder)) problems.push(`path has no ${placeholder} for "${param.name}"`);
  }
  for (const option of op.options ?? []) {
    if (!option.values.includes(option.default)) problems.push(`option "${option.name}" default is not one of its values`);
  }
  if (op.oboPermissions && op.oboPermissions.length === 0 && !op.dynamicTarget) problems.push('oboPermissions is empty: use null for bot only');
  return problems.map((problem) => `${op.type}: ${problem}`);
}

/** Rejects entries the generated editor could not represent, before anything is written. */
export function checkCatalogue(operations: readonly OperationSpec[]): void {
  const problems = [...operations.flatMap(operationProblems), ...collectOboEndpoints(operations).problems];
  const seen = new Set<string>();
  for (const op of operations) {
    for (const key of [`type ${op.type}`, `id ${op.id}`]) {
      if (seen.has(key)) problems.push(`${op.type}: duplicate ${key}`);
      seen.add(key);
    }
  }
  if (problems.length > 0) throw new BuildError(`invalid catalogue:\n  ${problems.join('\n  ')}`);
}
