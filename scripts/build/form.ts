import { escapeHtml } from './html';

export interface RowSpec {
  /** The row's control, already rendered. */
  control: string;
  inputId: string;
  /** Font Awesome 4 icon name, without `fa-`. */
  icon: string;
  labelKey: string;
  /** Tooltip of the label. */
  titleKey?: string;
  /** Extra attributes of the row div, already rendered. */
  rowAttributes?: string;
  required?: boolean;
}

/** A Node-RED edit dialog row: icon + translated label, then the control. */
export function formRow(row: RowSpec): string {
  const title = row.titleKey ? ` data-i18n="[title]${escapeHtml(row.titleKey)}"` : '';
  const marker = row.required ? ' <span class="symphony-required">*</span>' : '';
  return `  <div class="form-row"${row.rowAttributes ?? ''}>
    <label for="${escapeHtml(row.inputId)}"${title}><i class="fa fa-${row.icon}"></i> <span data-i18n="${escapeHtml(row.labelKey)}"></span>${marker}</label>
    ${row.control}
  </div>`;
}

export function selectControl(inputId: string, values: ReadonlyArray<readonly [string, string]>): string {
  const options = values
    .map(([value, labelKey]) => `<option value="${escapeHtml(value)}" data-i18n="${escapeHtml(labelKey)}"></option>`)
    .join('');
  return `<select id="${escapeHtml(inputId)}" style="width: 70%;">${options}</select>`;
}

/** A text input that the editor helper turns into a TypedInput, plus the hidden input holding its type. */
export function typedControl(inputId: string, withTypeField: boolean): string {
  const typeField = withTypeField ? `<input type="hidden" id="${escapeHtml(inputId)}Type">` : '';
  return `<input type="text" id="${escapeHtml(inputId)}" style="width: 70%;">${typeField}`;
}
