/**
 * The small part of the Node-RED runtime API these nodes use, typed here so that no `any` crosses a module
 * boundary (Node-RED ships no types of its own).
 */

export interface NodeStatus {
  fill?: 'red' | 'green' | 'yellow' | 'blue' | 'grey';
  shape?: 'ring' | 'dot';
  text?: string;
}

export interface NodeMessage {
  _msgid?: string;
  payload?: unknown;
  [key: string]: unknown;
}

export type SendFn = (msg: NodeMessage | Array<NodeMessage | NodeMessage[] | null>) => void;
export type DoneFn = (err?: Error) => void;

export interface Node {
  id: string;
  type: string;
  name?: string;
  credentials: Record<string, string | undefined>;
  on(event: 'input', handler: (msg: NodeMessage, send: SendFn, done: DoneFn) => void): void;
  on(event: 'close', handler: (removed: boolean, done: () => void) => void): void;
  status(status: NodeStatus | Record<string, never>): void;
  error(err: unknown, msg?: NodeMessage): void;
  warn(message: unknown): void;
  log(message: unknown): void;
}

export type EvaluateCallback = (err: Error | null, value?: unknown) => void;

export interface NodeAPI {
  nodes: {
    createNode(node: object, config: object): void;
    registerType<N extends Node, C>(type: string, constructor: (this: N, config: C) => void, options?: { credentials?: Record<string, { type: 'text' | 'password' }> }): void;
    getNode(id: string): unknown;
  };
  util: {
    evaluateNodeProperty(value: string, type: string, node: Node, msg: NodeMessage, callback: EvaluateCallback): void;
    getMessageProperty(msg: NodeMessage, property: string): unknown;
    setMessageProperty(msg: NodeMessage, property: string, value: unknown, createMissing?: boolean): boolean;
    cloneMessage<T extends NodeMessage>(msg: T): T;
  };
  _(key: string, substitutions?: Record<string, unknown>): string;
  httpAdmin?: unknown;
  auth?: unknown;
}
