// Imported as catalogue/index: the build writes dist/nodes/catalogue.json, which a bare './catalogue' would resolve to.
import { catalogue } from './catalogue/index';
import { registerConfigNode } from './runtime/config/config-node';
import { registerDatahoseNode } from './runtime/events/datahose-node';
import { registerEventsNode } from './runtime/events/events-node';
import { registerMessageParseNode } from './runtime/messages/message-parse-node';
import { registerCommandNode } from './runtime/commands/command-node';
import { createTranslator, useTranslator } from './runtime/core/i18n';
import type { NodeAPI } from './runtime/core/node-red';
import { registerOperationNode } from './runtime/operations/operation-node';
import { registerTestConnectionRoute } from './runtime/admin/test-connection-route';

/** Node-RED entry: the config node and one node type per catalogue entry. */
export = function symphonyNodes(RED: NodeAPI): void {
  const t = createTranslator(RED);
  useTranslator(t);
  registerConfigNode(RED, t);
  registerTestConnectionRoute(RED, t);
  for (const op of catalogue) registerOperationNode(RED, op, t);
  registerEventsNode(RED, t);
  registerDatahoseNode(RED, t);
  registerMessageParseNode(RED, t);
  registerCommandNode(RED, t);
};
