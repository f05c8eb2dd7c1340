/** Every dedicated node type, for the build (editor HTML, help, palette); each runtime registers itself. */
import { COMMAND_NODE } from './command';
import { DATAHOSE_NODE } from './datahose';
import { EVENTS_NODE } from './events';
import { FORM_NODE } from './form';
import { HEALTH_NODE } from './health';
import { MESSAGE_PARSE_NODE } from './message-parse';
import type { DedicatedNodeSpec } from './types';

export const dedicatedNodes: readonly DedicatedNodeSpec[] = [EVENTS_NODE, DATAHOSE_NODE, MESSAGE_PARSE_NODE, COMMAND_NODE, FORM_NODE, HEALTH_NODE];
