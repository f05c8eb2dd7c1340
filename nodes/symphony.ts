import { registerConfigNode } from './runtime/config/config-node';
import { registerLazily } from './runtime/core/lazy-type';
import { COMMAND_TYPE, DATAHOSE_TYPE, EVENTS_TYPE, FORM_TYPE, HEALTH_TYPE, MESSAGE_PARSE_TYPE } from './runtime/core/node-types';
import { createTranslator, useTranslator } from './runtime/core/i18n';
import type { NodeAPI } from './runtime/core/node-red';
import { registerOperationTypes } from './runtime/operations/operation-types';
import { registerTestConnectionRoute } from './runtime/admin/test-connection-route';
import { registerChatRoutes } from './runtime/chat/chat-routes';
import { registerLivenessRoute } from './runtime/admin/liveness-route';

/**
 * Node-RED entry: the config node and one node type per catalogue entry, plus the events, datahose, message parse,
 * command, form and health nodes, and the admin routes (Test connection, the chat tab, liveness). The code of a node type (the catalogue and the operation runtime, the datafeed reader...) is loaded when the
 * first node of the type is created, not here: start-up does not grow with the catalogue.
 */
export = function symphonyNodes(RED: NodeAPI): void {
  const t = createTranslator(RED);
  useTranslator(t);
  registerConfigNode(RED, t);
  registerTestConnectionRoute(RED, t);
  registerChatRoutes(RED, t);
  registerLivenessRoute(RED, t);
  registerOperationTypes(RED, t);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  registerLazily(RED, EVENTS_TYPE, () => (require('./runtime/events/events-node') as typeof import('./runtime/events/events-node')).eventsNodeConstructor(RED, t));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  registerLazily(RED, DATAHOSE_TYPE, () => (require('./runtime/events/datahose-node') as typeof import('./runtime/events/datahose-node')).datahoseNodeConstructor(RED, t));
  registerLazily(RED, MESSAGE_PARSE_TYPE, () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./runtime/messages/message-parse-node') as typeof import('./runtime/messages/message-parse-node')).messageParseNodeConstructor(RED, t));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  registerLazily(RED, FORM_TYPE, () => (require('./runtime/forms/form-node') as typeof import('./runtime/forms/form-node')).formNodeConstructor(RED, t));
  registerLazily(RED, COMMAND_TYPE, () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./runtime/commands/command-node') as typeof import('./runtime/commands/command-node')).commandNodeConstructor(RED, t));
  registerLazily(RED, HEALTH_TYPE, () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./runtime/health/health-node') as typeof import('./runtime/health/health-node')).healthNodeConstructor(RED, t));
};
