import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Translate } from '../core/i18n';
import { registerLazily } from '../core/lazy-type';
import type { Node, NodeAPI } from '../core/node-red';
import type { OperationNodeConfig } from './inputs';

/**
 * Registers every operation node type without loading the catalogue or the operation runtime: Node-RED only needs
 * the type names when it starts. They come from the build's catalogue.json; the catalogue and the runtime are
 * loaded when the first operation node is created, so start-up does not grow with the catalogue.
 */
export function registerOperationTypes(RED: NodeAPI, t: Translate): void {
  for (const type of operationTypes()) registerLazily(RED, type, () => loadConstructor(RED, type, t));
}

/** The node types of dist/nodes/catalogue.json; the catalogue's own when that file is missing (tsc without the build). */
function operationTypes(): string[] {
  let file: string;
  try {
    // From dist/nodes/runtime/operations to dist/nodes.
    file = readFileSync(path.join(__dirname, '..', '..', 'catalogue.json'), 'utf8');
  } catch {
    return catalogueModule().catalogue.map((op) => op.type);
  }
  return (JSON.parse(file) as { operations: Array<{ type: string }> }).operations.map((op) => op.type);
}

function catalogueModule(): typeof import('../../catalogue/index') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../catalogue/index') as typeof import('../../catalogue/index');
}

function loadConstructor(RED: NodeAPI, type: string, t: Translate): (this: Node, saved: OperationNodeConfig) => void {
  const op = catalogueModule().findOperation(type);
  // Only when catalogue.json is older than the compiled catalogue (a build step skipped).
  if (!op) throw new Error(t('runtime.errors.node.notInCatalogue', { type }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { operationNodeConstructor } = require('./operation-node') as typeof import('./operation-node');
  return operationNodeConstructor(RED, op, t);
}
