/** Dedicated dialogs (nodes/dedicated): a row that only matters for some choices of a select shows only for them. */
namespace SymphonyEditor {
  export function showWhen(field: string, by: string, values: string[]): void {
    const select = $('#node-input-' + by);
    const row = $('#node-input-' + field).closest('.form-row');
    const update = (): void => {
      row.toggle(values.indexOf(String(select.val())) >= 0);
    };
    select.on('change', update);
    update();
  }
}
