/** Palette labels, node labels and port labels of the operation nodes. */
namespace SymphonyEditor {
  const MAX_SHOWN_LENGTH = 24;

  export function paletteLabel(type: string): string {
    return t(operation(type).id + '.label');
  }

  /** What the node is set to: the first required parameter fixed to a plain string in the node. */
  function shownValue(op: SymphonyEditorData.Operation, node: SymphonyEditorNode): string {
    for (const spec of op.params) {
      const value = node[spec.name];
      if (spec.required && node[spec.name + 'Type'] === 'str' && typeof value === 'string' && value.trim() !== '') {
        const shown = value.trim();
        return shown.length > MAX_SHOWN_LENGTH ? shown.slice(0, MAX_SHOWN_LENGTH - 1) + '\u2026' : shown;
      }
    }
    return '';
  }

  /** The name if any, else e.g. "set presence: AWAY" or "lookup users (OBO)". */
  export function label(node: SymphonyEditorNode, type: string): string {
    if (node.name) {
      return node.name;
    }
    const shown = shownValue(operation(type), node);
    const base = shown ? paletteLabel(type) + ': ' + shown : paletteLabel(type);
    return node.actAs === 'userId' || node.actAs === 'username' ? base + ' ' + t('editor.label.oboSuffix') : base;
  }

  export function labelStyle(node: SymphonyEditorNode): string {
    return node.name ? 'node_label_italic' : '';
  }

  export function outputLabel(node: SymphonyEditorNode): string {
    return 'msg.' + (typeof node.outputProperty === 'string' && node.outputProperty ? node.outputProperty : 'payload');
  }
}
