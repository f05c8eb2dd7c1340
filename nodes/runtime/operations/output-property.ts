import type { NodeAPI, NodeMessage } from '../core/node-red';

/** How a node reads and writes the msg property its result goes to. */
export interface OutputProperty {
  get(msg: NodeMessage): unknown;
  set(msg: NodeMessage, value: unknown): void;
}

/** A plain property name, which Node-RED's property expressions read and write as msg[name]. */
const PLAIN_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * The property `msg.<property>`: a plain name (payload, the default) is read and written directly, anything else
 * (a path such as `result.users`) through Node-RED, which parses the expression on every call.
 */
export function outputProperty(RED: NodeAPI, property: string): OutputProperty {
  if (PLAIN_NAME.test(property) && property !== '__proto__') {
    return {
      get: (msg) => msg[property],
      // As Node-RED does: undefined removes the property rather than leave it set to undefined.
      set: (msg, value) => {
        if (value === undefined) delete msg[property];
        else msg[property] = value;
      },
    };
  }
  return {
    get: (msg) => RED.util.getMessageProperty(msg, property),
    set: (msg, value) => { RED.util.setMessageProperty(msg, property, value, true); },
  };
}
