/** The edit dialog and label of the symphony-config node. */
namespace SymphonyEditor {
  /** Tabs are the children of the content div; each names its label key in `data-symphony-tab`. */
  function setupTabs(): void {
    const content = $('#node-config-symphony-tabs-content');
    const tabs = RED.tabs.create({
      id: 'node-config-symphony-tabs',
      onchange: (tab) => {
        content.children().hide();
        $('#' + tab.id).show();
      },
    });
    content.children().each(function () {
      tabs.addTab({ id: this.id, label: t(this.getAttribute('data-symphony-tab') || '') });
    });
  }

  /** Rows marked `data-symphony-when="<input>=<value>"` show only while that input has that value. */
  function showRowsWhen(inputName: string, matches: (rowValue: string, current: string) => boolean): void {
    const input = $('#node-config-input-' + inputName);
    const update = (): void => {
      const current = String(input.val() || '').trim();
      $('[data-symphony-when^="' + inputName + '="]').each(function () {
        const rowValue = (this.getAttribute('data-symphony-when') || '').slice(inputName.length + 1);
        $(this).toggle(matches(rowValue, current));
      });
    };
    input.on('change input', update);
    update();
  }

  function toBase64(buffer: ArrayBuffer): string {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    // Chunked: String.fromCharCode with one argument per byte overflows the stack on large files.
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
    }
    return btoa(binary);
  }

  /** Buttons `data-symphony-load="<credential>"` read a local file into that textarea (PEM as text, else base64). */
  function setupFileButtons(): void {
    $('[data-symphony-load]').on('click', function (event) {
      event.preventDefault();
      const target = $('#node-config-input-' + (this.getAttribute('data-symphony-load') || ''));
      const asBase64 = this.getAttribute('data-symphony-encoding') === 'base64';
      const picker = document.createElement('input');
      picker.type = 'file';
      picker.onchange = () => {
        const file = picker.files && picker.files[0];
        if (!file) {
          return;
        }
        const reader = new FileReader();
        reader.onload = () => {
          const result = reader.result;
          target.val(typeof result === 'string' ? result : result ? toBase64(result) : '').trigger('change');
        };
        if (asBase64) {
          reader.readAsArrayBuffer(file);
        } else {
          reader.readAsText(file);
        }
      };
      picker.click();
    });
  }

  export function prepareConfig(node: SymphonyEditorNode): void {
    upgradeDialog(node, 'node-config-input');
    setupTabs();
    showRowsWhen('authType', (rowValue, current) => rowValue === current);
    // The OBO app key rows matter once an app id is set.
    showRowsWhen('appId', (_rowValue, current) => current !== '');
    setupFileButtons();
    setupTestConnection(node);
  }

  export function saveConfig(node: SymphonyEditorNode): void {
    stampVersion(node);
  }

  /** The name, else bot@pod-host, else a generic label. */
  export function configPaletteLabel(): string {
    return t('config.label.palette');
  }

  export function configLabel(node: SymphonyEditorNode): string {
    if (node.name) {
      return node.name;
    }
    let host = '';
    try {
      host = new URL(String(node.podUrl || '')).host;
    } catch {
      host = '';
    }
    const bot = typeof node.botUsername === 'string' ? node.botUsername : '';
    return bot || host ? cutLabel(bot && host ? bot + '@' + host : bot || host) : t('config.label.unnamed');
  }
}
