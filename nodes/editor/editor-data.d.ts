/**
 * The compact catalogue the build embeds in symphony.html for the editor helper. Written by scripts/build
 * (which references this file), read by the editor: one shape for both sides.
 */
declare namespace SymphonyEditorData {
  type FieldType = 'str' | 'num' | 'bool' | 'json' | 'msg' | 'flow' | 'global' | 'env' | 'jsonata' | 'bin';

  interface Param {
    name: string;
    types: FieldType[];
    default: { value: string; type: FieldType };
    required: boolean;
    advanced: boolean;
    /** Allowed values of an enum parameter; offered as a dropdown for the `str` type. */
    enum?: string[];
  }

  interface Option {
    name: string;
    values: string[];
    default: string;
  }

  interface Operation {
    type: string;
    /** i18n key prefix of the operation's texts. */
    id: string;
    area: string;
    api: string;
    method: string;
    path: string;
    params: Param[];
    options: Option[];
    /** `null`: the endpoint is not OBO-enabled, the node always acts as the bot; empty: the called endpoint's. */
    oboPermissions: string[] | null;
    /** The entry reads a list page by page: the dialog has the Pages section (pages, maxItems, split). */
    paged: boolean;
  }

  interface Catalogue {
    /** Node-RED i18n namespace of the node set: `<package name>/<set name>`. */
    namespace: string;
    operations: Record<string, Operation>;
  }
}
