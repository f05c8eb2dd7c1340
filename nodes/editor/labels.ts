/** Palette labels, node labels and port labels of the operation nodes. */
namespace SymphonyEditor {
  /** A label showing a setting stays about as wide as a node with a name: at most this many characters. */
  export const MAX_LABEL_LENGTH = 30;

  export function paletteLabel(type: string): string {
    return t(operation(type).id + '.label');
  }

  /**
   * `text` on one line (white space runs as one space), cut to `max` characters with an ellipsis; never between
   * the two halves of a character outside the BMP (an emoji).
   */
  export function cutLabel(text: string, max: number = MAX_LABEL_LENGTH): string {
    const chars = Array.from(text.replace(/\s+/g, ' ').trim());
    return chars.length > max ? chars.slice(0, max - 1).join('').replace(/ $/, '') + '\u2026' : chars.join('');
  }

  /** What the node is set to: the first required parameter fixed to a plain string in the node. */
  function shownValue(op: SymphonyEditorData.Operation, node: SymphonyEditorNode): string {
    for (const spec of op.params) {
      const value = node[spec.name];
      if (spec.required && node[spec.name + 'Type'] === 'str' && typeof value === 'string' && value.trim() !== '') {
        return value;
      }
    }
    return '';
  }

  /** The name if any, else e.g. "set presence: AWAY" or "lookup users (OBO)"; a setting shown is cut (cutLabel). */
  export function label(node: SymphonyEditorNode, type: string): string {
    if (node.name) {
      return node.name;
    }
    const shown = shownValue(operation(type), node);
    const base = shown ? cutLabel(paletteLabel(type) + ': ' + shown) : paletteLabel(type);
    return node.actAs === 'userId' || node.actAs === 'username' ? base + ' ' + t('editor.label.oboSuffix') : base;
  }

  export function labelStyle(node: SymphonyEditorNode): string {
    return node.name ? 'node_label_italic' : '';
  }

  export function outputLabel(node: SymphonyEditorNode): string {
    return 'msg.' + (typeof node.outputProperty === 'string' && node.outputProperty ? node.outputProperty : 'payload');
  }
}
