/** The edit dialog of every operation node: oneditprepare and oneditsave. */
namespace SymphonyEditor {
  function setupActAs(): void {
    const select = $('#node-input-actAs');
    const update = (): void => {
      $('#symphony-obo-user-row').toggle(select.val() !== 'bot');
    };
    select.on('change', update);
    update();
  }

  /** Whether any advanced parameter is set to other than its default, so the section opens to show it. */
  function advancedInUse(op: SymphonyEditorData.Operation, node: SymphonyEditorNode): boolean {
    const differs = (value: unknown, initial: string): boolean => value !== undefined && value !== initial;
    return op.params.some((spec) => spec.advanced
      && (differs(node[spec.name], spec.default.value) || differs(node[spec.name + 'Type'], spec.default.type)));
  }

  function setupAdvanced(op: SymphonyEditorData.Operation, node: SymphonyEditorNode): void {
    const toggle = $('#symphony-advanced-toggle');
    let open = advancedInUse(op, node);
    const show = (): void => {
      $('#symphony-advanced').toggle(open);
      toggle.find('i').toggleClass('fa-caret-down', open).toggleClass('fa-caret-right', !open);
    };
    toggle.on('click', (event) => {
      event.preventDefault();
      open = !open;
      show();
    });
    show();
  }

  export function prepare(node: SymphonyEditorNode, type: string): void {
    const op = operation(type);
    op.params.forEach(setupParamField);
    setupOboUserField();
    setupOutputField();
    setupActAs();
    if (op.paged) {
      setupPaging();
    }
    setupAdvanced(op, node);
  }

  export function save(node: SymphonyEditorNode, type: string): void {
    // A flow imported from elsewhere may ask for OBO where the endpoint has none: fall back to the bot.
    if (!operation(type).oboPermissions) {
      $('#node-input-actAs').val('bot');
    }
  }
}
