import type { Node, NodeAPI } from './node-red';

/**
 * Registers a node type whose code is loaded when the first node of the type is created: Node-RED only needs the
 * type name when it starts, and a flow may use none of these nodes.
 */
export function registerLazily<N extends Node, C>(RED: NodeAPI, type: string, load: () => (this: N, config: C) => void): void {
  let construct: ((this: N, config: C) => void) | undefined;
  RED.nodes.registerType(type, function LazilyLoadedNode(this: N, config: C): void {
    construct ??= load();
    construct.call(this, config);
  });
}
