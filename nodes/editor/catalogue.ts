/** The catalogue data embedded by the build, and translation in this node set's i18n namespace. */
namespace SymphonyEditor {
  let data: SymphonyEditorData.Catalogue = {
    namespace: '', operations: {}, areas: {}, paging: { pages: [], split: [], maxItems: 0 }, configType: '', schemaVersion: 0,
  };

  /** Called once by the generated symphony.html, before any registerType. */
  export function init(catalogue: SymphonyEditorData.Catalogue): void {
    data = catalogue;
  }

  export function catalogue(): SymphonyEditorData.Catalogue {
    return data;
  }

  export function operation(type: string): SymphonyEditorData.Operation {
    const found = data.operations[type];
    if (!found) {
      throw new Error('node-red-symphony: unknown node type ' + type);
    }
    return found;
  }

  export function param(type: string, name: string): SymphonyEditorData.Param {
    const found = operation(type).params.filter((p) => p.name === name)[0];
    if (!found) {
      throw new Error('node-red-symphony: ' + type + ' has no parameter ' + name);
    }
    return found;
  }

  /** Translates a key of this package's message catalogue; `__name__` placeholders come from vars. */
  export function t(key: string, vars?: Record<string, string>): string {
    return RED._(data.namespace + ':' + key, vars);
  }
}
