/**
 * A checklist field of a dedicated node (scripts/build/dedicated-node.ts renders it): checkboxes whose values are
 * saved as an array, preset buttons that replace the selection. There is no `node-input-<field>` element, so
 * Node-RED neither fills nor saves the property: `prepareChecklist` shows it, `saveChecklist` writes it back only
 * when the selection changed, so an untouched dialog keeps what was saved, in whatever form and order.
 */
namespace SymphonyEditor {
  const ORIGINAL = 'data-symphony-original';

  function container(field: string): JQuery {
    return $('#node-input-' + field + '-checklist');
  }

  function boxes(field: string): HTMLInputElement[] {
    const found: HTMLInputElement[] = [];
    container(field).find('input[type="checkbox"]').each(function () {
      found.push(this as HTMLInputElement);
    });
    return found;
  }

  /**
   * The values a saved property stands for, as the runtime reads it: an array, or text separated by commas or
   * white space; upper case, each once, in saved order.
   */
  export function checklistValues(saved: unknown): string[] {
    const list = Array.isArray(saved) ? saved : typeof saved === 'string' ? saved.split(/[\s,]+/) : [];
    const values: string[] = [];
    list.forEach((item) => {
      const value = String(item).trim().toUpperCase();
      if (value !== '' && values.indexOf(value) < 0) {
        values.push(value);
      }
    });
    return values;
  }

  function checked(field: string): string[] {
    return boxes(field).filter((box) => box.checked).map((box) => box.value);
  }

  function markEmpty(field: string): void {
    container(field).toggleClass('input-error', checked(field).length === 0);
  }

  export function prepareChecklist(node: SymphonyEditorNode, field: string): void {
    const list = container(field);
    const known = boxes(field).map((box) => box.value);
    // Only the values the dialog can show: what else was saved the runtime ignores too.
    const original = checklistValues(node[field]).filter((value) => known.indexOf(value) >= 0);
    list.attr(ORIGINAL, JSON.stringify(original));
    boxes(field).forEach((box) => {
      box.checked = original.indexOf(box.value) >= 0;
      box.addEventListener('change', () => markEmpty(field));
    });
    list.find('button[data-symphony-preset]').on('click', function (event) {
      event.preventDefault();
      const preset = ($(this).attr('data-symphony-preset') || '').split(',');
      boxes(field).forEach((box) => {
        box.checked = preset.indexOf(box.value) >= 0;
      });
      markEmpty(field);
    });
    markEmpty(field);
  }

  /** What the node's property was when the dialog opened, as shown (see prepareChecklist). */
  export function checklistOriginal(field: string): string[] {
    const saved = container(field).attr(ORIGINAL);
    return saved ? (JSON.parse(saved) as string[]) : [];
  }

  /**
   * Writes the selection to `node[field]` when it differs from what the dialog opened with: the values kept in
   * their saved order, then the new ones in the dialog's order. Answers the selection, in that order.
   */
  export function saveChecklist(node: SymphonyEditorNode, field: string): string[] {
    const original = checklistOriginal(field);
    const now = checked(field);
    const kept = original.filter((value) => now.indexOf(value) >= 0);
    const selection = kept.concat(now.filter((value) => original.indexOf(value) < 0));
    if (kept.length !== original.length || selection.length !== original.length) {
      node[field] = selection;
    }
    return selection;
  }
}
