/**
 * The Node-RED definition of every operation node type, built from the catalogue data: the generated HTML holds
 * one `RED.nodes.registerType('<type>', { category: '<category>' })` call per type, made on the registry below (the
 * literal form the flow library and its scorecard read node types and categories from); the rest is shared here.
 */
namespace SymphonyEditor {
  /** Properties in the order the runtime documents them; names are what the runtime reads. */
  function operationDefaults(op: SymphonyEditorData.Operation): Record<string, RedPropertyDefinition> {
    const data = catalogue();
    const type = op.type;
    const defaults: Record<string, RedPropertyDefinition> = {
      name: { value: '' },
      config: { value: '', type: data.configType, required: true },
      actAs: { value: 'bot', validate: actAsValidator(type) },
      oboUser: { value: '', validate: oboUserValidator() },
      oboUserType: { value: 'str' },
    };
    op.params.forEach((spec) => {
      defaults[spec.name] = { value: spec.default.value, validate: paramValidator(type, spec.name) };
      defaults[spec.name + 'Type'] = { value: spec.default.type };
    });
    op.options.forEach((option) => {
      defaults[option.name] = { value: option.default, validate: optionValidator(type, option.name) };
    });
    if (op.paged) {
      // The runtime's own defaults (nodes/runtime/operations/paging.ts): one page, one msg.
      defaults.pages = { value: data.paging.pages[0], validate: choiceValidator(data.paging.pages) };
      defaults.maxItems = { value: data.paging.maxItems, validate: numberValidator(1, true) };
      defaults.split = { value: data.paging.split[0], validate: choiceValidator(data.paging.split) };
    }
    defaults.outputProperty = { value: 'payload', required: true, validate: outputPropertyValidator() };
    // New nodes are saved in the current version; the dialog upgrades older ones (upgradeDialog).
    defaults.schemaVersion = { value: data.schemaVersion };
    return defaults;
  }

  export function operationDefinition(type: string, category: string): RedTypeDefinition {
    const op = operation(type);
    const data = catalogue();
    const area = data.areas[op.area] || { color: '', icon: '' };
    return {
      category: category,
      color: area.color,
      defaults: operationDefaults(op),
      inputs: 1,
      outputs: 1,
      icon: area.icon,
      paletteLabel: function () { return paletteLabel(type); },
      label: function () { return label(this, type); },
      labelStyle: function () { return labelStyle(this); },
      outputLabels: function () { return outputLabel(this); },
      onadd: function () { pickOnlyConfig(this, 'config', data.configType); },
      oneditprepare: function () {
        upgradeDialog(this, 'node-input');
        prepare(this, type);
      },
      oneditsave: function () {
        save(this, type);
        stampVersion(this);
      },
    };
  }

  /**
   * Fills the type's `data-template-name` element, which the editor reads when a dialog opens. The generated HTML
   * has it empty (Node-RED's registry lists a node set's types from those elements) before the registerType calls,
   * and the editor puts all of a module's elements in the page before it runs the module's scripts.
   */
  function fillTemplate(type: string): void {
    const template = operationTemplate(type);
    const element = $('script[data-template-name="' + type + '"]');
    if (element.length > 0) {
      element.text(template);
    } else {
      $('<script>').attr('type', 'text/html').attr('data-template-name', type).text(template).appendTo('body');
    }
  }

  /** Registers an operation node type of the catalogue, in `category` (its palette section). */
  function registerType(type: string, definition: { category: string }): void {
    fillTemplate(type);
    fillHelp(type);
    RED.nodes.registerType(type, operationDefinition(type, definition.category));
  }

  /**
   * What the generated registrations call `RED`: its `nodes.registerType` completes each operation's definition
   * and dialog from the catalogue data, so the HTML keeps the literal `RED.nodes.registerType('<type>', { category:
   * '<category>' })` form the flow library reads.
   */
  export function operationRegistry(): { nodes: { registerType(type: string, definition: { category: string }): void } } {
    return { nodes: { registerType } };
  }
}
