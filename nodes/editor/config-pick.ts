/** A new node's connection: the one config node there is, as the user would pick it. */
namespace SymphonyEditor {
  /**
   * Called from `onadd`, which Node-RED runs for a node dropped from the palette, quick-added, pasted or
   * imported, before anyone opens its dialog: when `property` is blank and exactly one config node of
   * `configType` is in the node's scope (global, or on its flow), the node takes it. None, several, or a
   * disabled one: left blank, and the dialog offers the list as usual.
   */
  export function pickOnlyConfig(node: SymphonyEditorNode, property: string, configType: string): void {
    if (node[property]) {
      return;
    }
    const candidates: RedConfigNode[] = [];
    RED.nodes.eachConfig((config) => {
      if (config.type === configType && (!config.z || config.z === node.z)) {
        candidates.push(config);
      }
    });
    const only = candidates.length === 1 ? candidates[0] : undefined;
    if (!only || only.d) {
      return;
    }
    node[property] = only.id;
    // A pasted or imported node is registered already: count it among the config node's users, as the editor
    // does when a dialog picks one. A node from the palette is registered after onadd, and counted then.
    const registered = typeof node.id === 'string' ? RED.nodes.node(node.id) : null;
    if (registered && only.users.indexOf(registered) < 0) {
      only.users.push(registered);
      RED.events.emit('nodes:change', only);
    }
  }
}
