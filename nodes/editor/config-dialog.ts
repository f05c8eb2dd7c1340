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

  function inputValue(name: string): string {
    return String($('#node-config-input-' + name).val() || '').trim();
  }

  /**
   * A row marked `data-symphony-when="<input>=<value>"` shows only while that input has that value (`<input>=`:
   * any non-blank value); one marked `data-symphony-pod-only` only while a pod is chosen, one marked
   * `data-symphony-simulator-only` only while the built-in simulator is.
   */
  function updateRows(): void {
    const simulator = inputValue('connectTo') === 'simulator';
    $('[data-symphony-when], [data-symphony-pod-only], [data-symphony-simulator-only]').each(function () {
      const when = this.getAttribute('data-symphony-when') || '';
      const at = when.indexOf('=');
      const wanted = when.slice(at + 1);
      const current = at > 0 ? inputValue(when.slice(0, at)) : '';
      const matches = at <= 0 || (wanted === '' ? current !== '' : current === wanted);
      const forConnection = this.hasAttribute('data-symphony-pod-only') ? !simulator
        : this.hasAttribute('data-symphony-simulator-only') ? simulator : true;
      $(this).toggle(matches && forConnection);
    });
  }

  /** Switching between pod and simulator checks the pod's fields again (they pass while the simulator is chosen). */
  function setupConnectionChoice(): void {
    $('#node-config-input-connectTo').on('change', () => {
      $('[data-symphony-pod-only] input, [data-symphony-pod-only] textarea').trigger('change');
    });
    $('#node-config-input-connectTo, #node-config-input-authType, #node-config-input-appId').on('change input', updateRows);
    updateRows();
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

  /** Properties added after config nodes were saved without them; the runtime reads absent as the default. */
  const ADDED_LATER = ['agentUrls', 'agentBalancing'];

  export function prepareConfig(node: SymphonyEditorNode): void {
    upgradeDialog(node, 'node-config-input');
    showAbsentAsDefault(node, 'node-config-input', ADDED_LATER);
    setupTabs();
    // The auth type's rows, the OBO app key rows once an app id is set, the pod's rows while a pod is chosen.
    setupConnectionChoice();
    setupFileButtons();
    setupTestConnection(node);
  }

  export function saveConfig(node: SymphonyEditorNode): void {
    keepAbsentDefaults();
    stampVersion(node);
  }

  export function configPaletteLabel(): string {
    return t('config.label.palette');
  }

  /** The name, else "built-in simulator", else bot@pod-host, else a generic label. */
  export function configLabel(node: SymphonyEditorNode): string {
    if (node.name) {
      return node.name;
    }
    if (node.connectTo === 'simulator') {
      return t('config.label.simulator');
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
