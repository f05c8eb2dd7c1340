/**
 * The form node's list of fields (nodes/dedicated/form.ts): a Node-RED editable list, one row per field (kind,
 * name, label, required, placeholder, default, options), saved as an array by oneditsave. The check mirrors the
 * runtime's (nodes/runtime/forms/form-fields.ts) so the editor names the same field the runtime would.
 */
namespace SymphonyEditor {
  interface SavedField {
    kind: string;
    name: string;
    label: string;
    required: boolean;
    placeholder: string;
    value: string;
    options: string;
  }

  interface EditableList {
    editableList(options: Record<string, unknown>): EditableList;
    editableList(method: 'addItem', item: SavedField): EditableList;
    editableList(method: 'items'): JQuery;
  }

  const KINDS = ['text', 'textarea', 'number', 'select', 'checkbox', 'radio', 'date', 'person', 'action', 'reset'];
  const OPTION_KINDS = ['select', 'checkbox', 'radio'];
  const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
  const ORIGINAL = 'data-symphony-original';

  const label = (key: string): string => t('dedicated.form.list.' + key);

  function list(field: string): EditableList {
    return $('#node-input-' + field + '-list') as unknown as EditableList;
  }

  /** Options as the runtime reads them: a list of {value, label}, or text of one `value=label` a line. */
  function optionsText(saved: unknown): string {
    if (!Array.isArray(saved)) return typeof saved === 'string' ? saved : '';
    return saved.map((o) => (o && typeof o === 'object' ? String(o.value) + '=' + String(o.label) : String(o))).join('\n');
  }

  function input(row: HTMLElement, type: string, role: string, value: string, width: string): HTMLInputElement {
    const el = document.createElement('input');
    el.type = type;
    el.className = 'symphony-form-' + role;
    el.placeholder = label(role);
    el.title = label(role);
    el.value = value;
    el.style.width = width;
    el.style.marginRight = '4px';
    row.appendChild(el);
    return el;
  }

  function addRow(container: HTMLElement, field: SavedField): void {
    const top = document.createElement('div');
    const kind = document.createElement('select');
    kind.className = 'symphony-form-kind';
    kind.style.width = '22%';
    kind.style.marginRight = '4px';
    KINDS.forEach((k) => {
      const option = document.createElement('option');
      option.value = k;
      option.textContent = t('dedicated.form.kinds.' + k);
      kind.appendChild(option);
    });
    kind.value = KINDS.indexOf(field.kind) >= 0 ? field.kind : 'text';
    top.appendChild(kind);
    input(top, 'text', 'name', field.name || '', '22%');
    input(top, 'text', 'label', field.label || '', '34%');
    const requiredLabel = document.createElement('label');
    requiredLabel.style.display = 'inline-block';
    requiredLabel.style.width = 'auto';
    const required = document.createElement('input');
    required.type = 'checkbox';
    required.className = 'symphony-form-required';
    required.checked = field.required === true;
    required.style.width = 'auto';
    required.style.margin = '0 4px';
    requiredLabel.appendChild(required);
    requiredLabel.appendChild(document.createTextNode(label('required')));
    top.appendChild(requiredLabel);
    const second = document.createElement('div');
    second.style.marginTop = '4px';
    input(second, 'text', 'placeholder', field.placeholder || '', '38%');
    input(second, 'text', 'value', field.value || '', '38%');
    const options = document.createElement('textarea');
    options.className = 'symphony-form-options';
    options.rows = 3;
    options.placeholder = label('options');
    options.title = label('options');
    options.value = optionsText(field.options);
    options.style.width = '90%';
    options.style.marginTop = '4px';
    const sync = (): void => {
      options.style.display = OPTION_KINDS.indexOf(kind.value) >= 0 ? '' : 'none';
      second.style.display = kind.value === 'action' || kind.value === 'reset' ? 'none' : '';
    };
    kind.addEventListener('change', sync);
    container.appendChild(top);
    container.appendChild(second);
    container.appendChild(options);
    sync();
  }

  export function prepareFormFields(node: SymphonyEditorNode, field: string): void {
    const saved = Array.isArray(node[field]) ? node[field] as SavedField[] : [];
    list(field).editableList({
      addItem: (row: { [0]: HTMLElement }, _index: number, data: SavedField) => addRow(row[0], data),
      removable: true,
      sortable: true,
      height: 'auto',
      addButton: label('add'),
    });
    saved.forEach((item) => list(field).editableList('addItem', item));
    $('#node-input-' + field + '-list').attr(ORIGINAL, JSON.stringify(collect(field)));
  }

  function rowValue(row: HTMLElement): SavedField {
    const text = (role: string): string => {
      const el = row.querySelector('.symphony-form-' + role) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
      return el ? el.value : '';
    };
    const required = row.querySelector('.symphony-form-required') as HTMLInputElement | null;
    return {
      kind: text('kind'), name: text('name').trim(), label: text('label'), required: !!required && required.checked,
      placeholder: text('placeholder'), value: text('value'), options: text('options'),
    };
  }

  function collect(field: string): SavedField[] {
    const fields: SavedField[] = [];
    // Node-RED's editableList('items') holds each row's content as a jQuery object, not as an element.
    list(field).editableList('items').each(function () {
      fields.push(rowValue(($(this) as unknown as HTMLElement[])[0]!));
    });
    return fields;
  }

  /** Writes the list back only when a row changed: an untouched dialog keeps what was saved, in whatever form. */
  export function saveFormFields(node: SymphonyEditorNode, field: string): void {
    const fields = collect(field);
    if (JSON.stringify(fields) !== $('#node-input-' + field + '-list').attr(ORIGINAL)) node[field] = fields;
  }

  /** The first problem of a saved list, in words naming the field, or undefined. */
  export function formFieldsProblem(saved: unknown): string | undefined {
    if (!Array.isArray(saved)) return t('dedicated.form.problems.notList');
    const names: string[] = [];
    let action = false;
    for (let i = 0; i < saved.length; i++) {
      const f = saved[i] as SavedField;
      const vars = { position: String(i + 1), name: String(f && f.name || '') };
      if (!f || KINDS.indexOf(f.kind) < 0) return t('dedicated.form.problems.kind', vars);
      if (f.kind === 'action') action = true;
      if (f.kind === 'reset') continue;
      if (!NAME.test(vars.name)) return t('dedicated.form.problems.name', vars);
      if (f.kind !== 'action' && vars.name === 'action') return t('dedicated.form.problems.reserved', vars);
      if (names.indexOf(vars.name) >= 0) return t('dedicated.form.problems.twice', vars);
      names.push(vars.name);
      if (OPTION_KINDS.indexOf(f.kind) >= 0 && optionsText(f.options).trim() === '') return t('dedicated.form.problems.noOptions', vars);
    }
    return action ? undefined : t('dedicated.form.problems.noAction');
  }
}
