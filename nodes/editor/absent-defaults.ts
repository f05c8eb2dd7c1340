/**
 * Properties a node type gained after flows were saved without them: an untouched dialog must leave such a node
 * as it was. Node-RED saves what each input holds on Done, so a new input would add the property (and mark the
 * node changed) though nothing was touched. The runtime reads an absent property as its default.
 */
namespace SymphonyEditor {
  const ABSENT_DEFAULT = 'data-symphony-absent-default';

  /** Each of `names` absent from the node is shown with its default, and its input remembers it was absent. */
  export function showAbsentAsDefault(node: SymphonyEditorNode, prefix: string, names: readonly string[]): void {
    const defaults = node._def ? node._def.defaults : {};
    names.forEach((name) => {
      const input = $('#' + prefix + '-' + name);
      const declared = defaults[name] as { value?: unknown } | undefined;
      if (node[name] === undefined && input.length > 0 && declared) {
        const value = String(declared.value);
        input.val(value).attr(ABSENT_DEFAULT, value);
      }
    });
  }

  /**
   * Called first in oneditsave, before Node-RED reads the inputs: one still at the default it was shown with keeps
   * its property absent (an input without its id is skipped by Node-RED's save).
   */
  export function keepAbsentDefaults(): void {
    $('[' + ABSENT_DEFAULT + ']').each(function () {
      const input = $(this);
      if (String(input.val() || '').trim() === input.attr(ABSENT_DEFAULT)) {
        this.removeAttribute('id');
      }
    });
  }
}
