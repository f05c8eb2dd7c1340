/**
 * The edit dialog template of an operation node, built in the browser from the catalogue data (the HTML used to
 * be generated per node type, which made most of the editor's download). Rows in dialog order: name, config,
 * act as, parameters (required first), options, pages, output, advanced.
 */
namespace SymphonyEditor {
  /** Act as: the bot, or (OBO-enabled endpoints only) a user named by id or by username. */
  const ACT_AS_CHOICES: Array<[string, string]> = [['bot', 'editor.actAs.bot'], ['userId', 'editor.actAs.userId'], ['username', 'editor.actAs.username']];

  interface Row {
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
  function formRow(row: Row): string {
    const title = row.titleKey ? ' data-i18n="[title]' + escapeHtml(row.titleKey) + '"' : '';
    const marker = row.required ? ' <span class="symphony-required">*</span>' : '';
    return '  <div class="form-row"' + (row.rowAttributes || '') + '>\n'
      + '    <label for="' + escapeHtml(row.inputId) + '"' + title + '><i class="fa fa-' + row.icon + '"></i> <span data-i18n="'
      + escapeHtml(row.labelKey) + '"></span>' + marker + '</label>\n'
      + '    ' + row.control + '\n'
      + '  </div>';
  }

  /** `[value, label key]` pairs as a select's options. */
  function selectControl(inputId: string, values: Array<[string, string]>): string {
    const options = values.map((v) => '<option value="' + escapeHtml(v[0]) + '" data-i18n="' + escapeHtml(v[1]) + '"></option>').join('');
    return '<select id="' + escapeHtml(inputId) + '" style="width: 70%;">' + options + '</select>';
  }

  /** A text input that typed-fields.ts turns into a TypedInput, plus the hidden input holding its type. */
  function typedControl(inputId: string, withTypeField: boolean): string {
    const typeField = withTypeField ? '<input type="hidden" id="' + escapeHtml(inputId) + 'Type">' : '';
    return '<input type="text" id="' + escapeHtml(inputId) + '" style="width: 70%;">' + typeField;
  }

  function paramRow(op: SymphonyEditorData.Operation, spec: SymphonyEditorData.Param): string {
    const own = op.id + '.params.' + spec.name;
    return formRow({
      inputId: 'node-input-' + spec.name,
      icon: spec.icon,
      labelKey: spec.labelKey || own + '.label',
      titleKey: spec.titleKey || own + '.description',
      required: spec.required,
      control: typedControl('node-input-' + spec.name, true),
    });
  }

  function optionRow(op: SymphonyEditorData.Operation, option: SymphonyEditorData.Option): string {
    const own = op.id + '.options.' + option.name;
    const valueKeys = option.valueKeys || {};
    const values = option.values.map((v): [string, string] => [v, valueKeys[v] || own + '.values.' + v]);
    return formRow({ inputId: 'node-input-' + option.name, icon: 'sliders', labelKey: option.labelKey || own + '.label',
      titleKey: option.titleKey || own + '.description', control: selectControl('node-input-' + option.name, values) });
  }

  /**
   * The Pages section of a paged entry: pages (one/all), maxItems (shown for all pages; blank means the runtime's
   * default, shown as the placeholder) and split (one msg with the list / one msg per item).
   */
  function pagingRows(paging: SymphonyEditorData.Paging): string {
    // Keys `editor.paging.<name>.<value>`, for the values the data gives (the build checks they exist).
    const choices = (name: string, values: string[]) => values.map((v): [string, string] => [v, ['editor', 'paging', name, v].join('.')]);
    return [
      '  <div class="form-row symphony-section"><i class="fa fa-files-o"></i> <span data-i18n="editor.paging.section"></span></div>',
      formRow({ inputId: 'node-input-pages', icon: 'files-o', labelKey: 'editor.paging.pages.label',
        titleKey: 'editor.paging.pages.description', control: selectControl('node-input-pages', choices('pages', paging.pages)) }),
      formRow({ inputId: 'node-input-maxItems', icon: 'hashtag', labelKey: 'editor.paging.maxItems.label',
        titleKey: 'editor.paging.maxItems.description', rowAttributes: ' id="symphony-max-items-row"',
        control: '<input type="number" id="node-input-maxItems" min="1" step="1" placeholder="' + paging.maxItems + '" style="width: 100px;">' }),
      formRow({ inputId: 'node-input-split', icon: 'list', labelKey: 'editor.paging.split.label',
        titleKey: 'editor.paging.split.description', control: selectControl('node-input-split', choices('split', paging.split)) }),
    ].join('\n');
  }

  /** The content of the operation's `data-template-name` script element. */
  export function operationTemplate(type: string): string {
    const op = operation(type);
    const obo = op.oboPermissions !== null;
    const basic = op.params.filter((p) => !p.advanced);
    const ordered = basic.filter((p) => p.required).concat(basic.filter((p) => !p.required));
    const advanced = op.params.filter((p) => p.advanced);
    const actAs = obo ? ACT_AS_CHOICES : ACT_AS_CHOICES.slice(0, 1);
    const rows = [
      formRow({ inputId: 'node-input-name', icon: 'tag', labelKey: 'editor.label.name',
        control: '<input type="text" id="node-input-name" style="width: 70%;" data-i18n="[placeholder]editor.label.name">' }),
      formRow({ inputId: 'node-input-config', icon: 'server', labelKey: 'editor.label.config', required: true,
        control: '<input type="text" id="node-input-config" style="width: 70%;">' }),
      // Endpoints without OBO keep the (hidden) row so that actAs is still saved as 'bot'.
      formRow({ inputId: 'node-input-actAs', icon: 'user-secret', labelKey: 'editor.label.actAs',
        rowAttributes: obo ? '' : ' style="display: none;"', control: selectControl('node-input-actAs', actAs) }),
      formRow({ inputId: 'node-input-oboUser', icon: 'user', labelKey: 'editor.label.oboUser',
        rowAttributes: ' id="symphony-obo-user-row"', control: typedControl('node-input-oboUser', true) }),
    ].concat(ordered.map((p) => paramRow(op, p)), op.options.map((o) => optionRow(op, o)),
      op.paged ? [pagingRows(catalogue().paging)] : [],
      [formRow({ inputId: 'node-input-outputProperty', icon: 'sign-out', labelKey: 'editor.label.output',
        control: typedControl('node-input-outputProperty', false) })]);
    if (advanced.length > 0) {
      rows.push('  <div class="form-row">\n'
        + '    <a href="#" id="symphony-advanced-toggle"><i class="fa fa-caret-right"></i> <span data-i18n="editor.label.advanced"></span></a>\n'
        + '  </div>\n'
        + '  <div id="symphony-advanced" style="display: none;">\n'
        + advanced.map((p) => paramRow(op, p)).join('\n') + '\n'
        + '  </div>');
    }
    return '\n' + rows.join('\n') + '\n';
  }
}
