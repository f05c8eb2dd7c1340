/** The Pages section of a paged operation's edit dialog. */
namespace SymphonyEditor {
  /** Max items matters only when all pages are read. */
  export function setupPaging(): void {
    const pages = $('#node-input-pages');
    const update = (): void => {
      $('#symphony-max-items-row').toggle(pages.val() === 'all');
    };
    pages.on('change', update);
    update();
  }
}
